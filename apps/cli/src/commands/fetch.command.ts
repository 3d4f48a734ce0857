import type { Writable } from 'node:stream';
import { loadMannersConfig } from '@newsflow/config';
import { mannersFrom, previewSource } from '@newsflow/fetching';
import type { MannersSettings } from '@newsflow/fetching';
import { sourceSpec } from '@newsflow/sources';
import type { SourceReading } from '@newsflow/sources';

/** The fetcher's own FETCH_* settings: a dry run fetches exactly as the service would. */
export function fetchSettingsFrom(env: NodeJS.ProcessEnv): MannersSettings {
  return loadMannersConfig(env);
}

/**
 * How `--kind` asks to read the source (`auto` when not given); throws on an unknown kind, and on
 * `warc`: an archive is not previewed a poll at a time, `newsctl ingest` reads it.
 */
export function readingOf(url: string, kind: string | undefined): SourceReading {
  const spec = sourceSpec(url, kind);
  if (spec.kind === 'warc') throw new Error('fetch previews the web; newsctl ingest reads a WARC');
  return spec.kind;
}

/**
 * `newsctl fetch <url> --dry-run`: one JSON line per fetched-article message the source would
 * give right now, and one `{"skipped","reason"}` line per page it could not have, without Kafka
 * or Postgres. Returns how many pages were skipped.
 */
export async function previewFetch(
  url: string,
  settings: MannersSettings,
  limit: number,
  out: Writable,
  kind: SourceReading = 'auto',
): Promise<number> {
  let skipped = 0;
  for await (const line of previewSource(url, { ...mannersFrom(settings), limit, kind })) {
    if (line.kind === 'skipped') skipped += 1;
    out.write(
      `${JSON.stringify(line.kind === 'article' ? line.message : { skipped: line.url, reason: line.reason })}\n`,
    );
  }
  return skipped;
}
