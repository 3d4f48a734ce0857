import { WarcSource, readWarcCursor, warcLocation } from '@newsflow/fetching';
import type { OpenUrl, WarcCursorStore } from '@newsflow/fetching';
import type { SourceEntity, SourcesRepository } from '@newsflow/persistence';

export const WARC_READING = Symbol('WARC_READING');

/** What a `warc` source is read with: FETCH_MAX_BYTES, and the opener of http(s) archives. */
export interface WarcReading {
  maxBytes: number;
  openUrl: OpenUrl;
}

/** The lease on a source ran out mid-poll: another replica may hold it now, so this poll stops. */
export class LeaseLostError extends Error {
  override readonly name = 'LeaseLostError';
}

/**
 * A `warc` source of the sources table, read on from the cursor in its row: at most
 * `maxRecords` records a poll (FETCH_MAX_PAGES_PER_POLL), so one poll stays well inside its
 * lease and the archive takes its turn with the other due sources. The cursor is saved as the
 * publishes are acknowledged, only while `owner` holds the lease; a save refused (the lease ran
 * out) stops the poll.
 */
export async function warcSourceOf(
  source: SourceEntity,
  owner: string,
  sources: SourcesRepository,
  reading: WarcReading & { maxRecords: number },
): Promise<WarcSource> {
  const cursor: WarcCursorStore = {
    load: () => Promise.resolve(readWarcCursor(source.cursor)),
    save: async (next) => {
      if (!(await sources.saveCursor(source.id, owner, next)))
        throw new LeaseLostError(
          `the lease on source ${source.id} ran out; its cursor is not saved`,
        );
    },
  };
  return new WarcSource(await warcLocation(source.url), {
    id: source.id,
    name: source.name,
    maxBytes: reading.maxBytes,
    maxRecords: reading.maxRecords,
    openUrl: reading.openUrl,
    cursor,
  });
}
