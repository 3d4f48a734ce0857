import { basename } from 'node:path';
import type { SourceRefV1 } from '@newsflow/contracts';
import type { ArticleSource } from '../polling/article-source';
import type { PublishPage, SourcePoll } from '../polling/poll-report';
import { AcknowledgedOffset } from './acknowledged-offset';
import { archivePath, listArchives, nextRecordStart, readFileFrom } from './warc-archive';
import type { ArchiveEntry, WarcLocation } from './warc-archive';
import { warcResponseToMessage } from './warc-page';
import { readWarcRecords } from './warc-records';
import type { WarcItem } from './warc-records';

/**
 * How far a `warc` source has got: the archive (a folder's file name, or the file's or URL's
 * name) and the offset in it up to which every record's fate is known. `complete` once the
 * archive was read to its end. Stored between runs: newsctl in a state file, the fetcher in
 * Postgres with the source.
 */
export interface WarcCursor {
  archive: string;
  offset: number;
  complete: boolean;
}

/**
 * A cursor read back from where it was stored (JSON the source wrote, or null for none); anything
 * else is an error naming what is wrong, so a damaged store stops the source rather than sending
 * it back to the archive's start.
 */
export function readWarcCursor(value: unknown): WarcCursor | null {
  if (value === null || value === undefined) return null;
  const { archive, offset, complete } = value as Partial<Record<keyof WarcCursor, unknown>>;
  if (
    typeof archive !== 'string' ||
    typeof offset !== 'number' ||
    !Number.isSafeInteger(offset) ||
    offset < 0 ||
    typeof complete !== 'boolean'
  )
    throw new Error(`not a warc cursor: ${JSON.stringify(value)?.slice(0, 200)}`);
  return { archive, offset, complete };
}

export interface WarcCursorStore {
  load(): Promise<WarcCursor | null>;
  save(cursor: WarcCursor): Promise<void>;
}

/** What the reading came to, live: newsctl draws it, the fetcher logs it. */
export interface WarcReport {
  /** Records read: pages, skipped, refused. */
  records: number;
  published: number;
  /** Records not read as pages, by reason code (`not-a-response`, `not-html`, `http-status`...). */
  skipped: Record<string, number>;
  /** Pages over the byte limit, or too large for the topic. */
  refused: number;
  /** Records cut short (`truncated`) or unreadable, each with where and why. */
  damaged: { archive: string; offset: number; reason: string }[];
  /** Bytes read, archives before this one included. */
  bytesRead: number;
  /** The archives' bytes, when all their sizes are known (files). */
  bytesTotal: number | null;
}

/** Opens an http(s) archive from a byte offset (fetching's safe HTTP path, see http-stream). */
export type OpenUrl = (url: string, start: number) => Promise<AsyncIterable<Uint8Array>>;

export interface WarcSourceOptions {
  /** The id its messages carry as their source's (the fetcher's sources row); `warc:<name>`. */
  id?: string;
  name?: string;
  /** FETCH_MAX_BYTES: a page larger than this is refused, unread. */
  maxBytes: number;
  cursor: WarcCursorStore;
  /** Records read in one poll (the fetcher's FETCH_MAX_PAGES_PER_POLL); default all. */
  maxRecords?: number;
  openUrl?: OpenUrl;
  /** Hears of each record that could not be published (refused, truncated, unreadable). */
  onProblem?: (problem: { archive: string; offset: number; reason: string }) => void;
  /** Hears of the report after each record read. */
  onProgress?: (report: WarcReport) => void;
}

/**
 * The cursor is saved while records are read, after a second or a hundred records, whichever
 * comes first (and once at the end): a kill costs at most that much reading again.
 */
export const CURSOR_SAVE_MS = 1000;
export const CURSOR_SAVE_RECORDS = 100;

/** Damaged records listed in a report, refusals in a poll; more are only counted. */
const MAX_LISTED = 100;

interface PollCounts {
  published: number;
  dropped: number;
  read: number;
  refused: { url: string; reason: string }[];
}

/**
 * A web archive read as a source: one WARC file, a folder of them (in name order) or an http(s)
 * URL. Each poll reads on from the stored cursor, publishes the HTML responses as fetched
 * articles, and saves the cursor as their publishes are acknowledged, so a process killed
 * mid-archive resumes where it was: nothing acknowledged is read again; the records in flight at
 * the kill are published again (at-least-once; the store upserts by article id).
 */
export class WarcSource implements ArticleSource {
  readonly ref: SourceRefV1;
  report: WarcReport = emptyReport();

  constructor(
    private readonly location: WarcLocation,
    private readonly options: WarcSourceOptions,
  ) {
    const where = location.kind === 'url' ? location.url : location.path;
    const name = options.name ?? basename(where);
    this.ref = { id: options.id ?? `warc:${name}`, kind: 'warc', name };
  }

  get id(): string {
    return this.ref.id;
  }

  async poll(publish: PublishPage): Promise<SourcePoll> {
    this.report = emptyReport();
    const start = await this.options.cursor.load();
    const archives = await listArchives(this.location);
    const sizes = archives.map((archive) => archive.size);
    this.report.bytesTotal = sizes.every((size) => size !== null)
      ? sizes.reduce<number>((sum, size) => sum + (size ?? 0), 0)
      : null;
    const poll: PollCounts = { published: 0, dropped: 0, read: 0, refused: [] };
    for (const archive of archives) {
      const from = startOf(archive, start);
      if (from === null) {
        this.report.bytesRead += archive.size ?? 0;
        continue;
      }
      this.report.bytesRead += from;
      const outcome = await this.readArchive(archive, from, publish, poll);
      if (outcome !== 'read') break;
    }
    return {
      kind: 'polled',
      etag: null,
      lastModified: null,
      listed: poll.read,
      published: poll.published,
      refused: poll.refused,
      dropped: poll.dropped,
      // The cursor is the source's memory: no page is remembered one by one.
      records: [],
      skipped: [],
    };
  }

  /** Reads one archive from `from`; says whether the poll goes on to the next archive. */
  private async readArchive(
    archive: ArchiveEntry,
    from: number,
    publish: PublishPage,
    poll: PollCounts,
  ): Promise<'read' | 'stopped'> {
    const acknowledged = new AcknowledgedOffset(from);
    const inFlight = new Set<Promise<void>>();
    let savedAt = Date.now();
    let readSinceSave = 0;
    let stopped = false;
    let damagedEnd = false;
    const save = async (complete: boolean) => {
      savedAt = Date.now();
      readSinceSave = 0;
      await this.options.cursor.save({
        archive: archive.name,
        offset: acknowledged.offset,
        complete,
      });
    };
    const problem = (offset: number, reason: string, url: string | null) => {
      this.report.refused += 1;
      if (this.report.damaged.length < MAX_LISTED && !reason.startsWith('too-large'))
        this.report.damaged.push({ archive: archive.name, offset, reason });
      if (poll.refused.length < MAX_LISTED)
        poll.refused.push({ url: url ?? `${archive.name}@${offset}`, reason });
      this.options.onProblem?.({ archive: archive.name, offset, reason });
    };

    let position = from;
    let next: number | null = from;
    while (next !== null && !stopped) {
      const bytes = await this.open(archive, next);
      const records = readWarcRecords(bytes, {
        startOffset: next,
        maxBytes: this.options.maxBytes,
      });
      next = null;
      for await (const item of records) {
        if (item.kind === 'truncated' || item.kind === 'unreadable') {
          // A file may hold whole records after a damaged one: read on from the next found.
          next = await this.resync(archive, item.offset);
          const after = next === null ? 'nothing readable follows' : `read on from offset ${next}`;
          problem(item.offset, `${item.reason}; ${after}`, null);
          if (next === null) damagedEnd = true;
          else {
            acknowledged.add(next)(true);
            this.report.bytesRead += next - position;
            position = next;
          }
          break;
        }
        this.report.bytesRead += item.end - position;
        position = item.end;
        this.report.records += 1;
        poll.read += 1;
        const settle = acknowledged.add(item.end);
        const { done } = await this.handle(item, publish, poll, problem);
        const settled = done.then((kept) => {
          inFlight.delete(settled);
          settle(kept);
        });
        inFlight.add(settled);
        this.options.onProgress?.(this.report);
        readSinceSave += 1;
        if (readSinceSave >= CURSOR_SAVE_RECORDS || Date.now() - savedAt >= CURSOR_SAVE_MS)
          await save(false);
        const full = this.options.maxRecords !== undefined && poll.read >= this.options.maxRecords;
        if (poll.dropped > 0 || full) {
          stopped = true;
          break;
        }
      }
    }
    await Promise.all(inFlight);
    // Complete once read to its end with every record acknowledged. An archive that ends inside
    // a record is read again from there next time (its download may have been finished since).
    await save(!stopped && !damagedEnd && acknowledged.pending === 0);
    this.options.onProgress?.(this.report);
    return stopped || poll.dropped > 0 ? 'stopped' : 'read';
  }

  /**
   * Hands a record over: a page to the publisher (resolving once it is taken, so reading waits
   * while the publisher is full), anything else settled at once. `done` says whether its fate
   * is known for good (false: dropped unsent).
   */
  private async handle(
    item: Extract<WarcItem, { end: number }>,
    publish: PublishPage,
    poll: PollCounts,
    problem: (offset: number, reason: string, url: string | null) => void,
  ): Promise<{ done: Promise<boolean> }> {
    if (item.kind === 'refused') {
      problem(item.offset, item.reason, item.url);
      return { done: Promise.resolve(true) };
    }
    const page =
      item.kind === 'skipped'
        ? { kind: 'skipped' as const, reason: item.reason }
        : warcResponseToMessage(item.response, this.ref);
    if (page.kind === 'skipped') {
      this.skip(page.reason);
      return { done: Promise.resolve(true) };
    }
    const url = page.message.url;
    const { outcome } = await publish(page.message);
    const done = outcome.then((result) => {
      if (result.status === 'published') {
        poll.published += 1;
        this.report.published += 1;
      } else if (result.status === 'refused') problem(item.offset, result.reason, url);
      else poll.dropped += 1;
      return result.status !== 'dropped';
    });
    return { done };
  }

  private skip(reason: string): void {
    const code = /^[a-z-]+/.exec(reason)?.[0] ?? 'other';
    this.report.skipped[code] = (this.report.skipped[code] ?? 0) + 1;
  }

  private open(archive: ArchiveEntry, start: number): Promise<AsyncIterable<Uint8Array>> {
    if (this.location.kind !== 'url')
      return Promise.resolve(readFileFrom(archivePath(this.location, archive.name), start));
    if (!this.options.openUrl) throw new Error('this warc source cannot read http(s) archives');
    return this.options.openUrl(this.location.url, start);
  }

  /** Where reading goes on after an unreadable record: files only, a stream cannot seek. */
  private resync(archive: ArchiveEntry, offset: number): Promise<number | null> {
    if (this.location.kind === 'url') return Promise.resolve(null);
    return nextRecordStart(archivePath(this.location, archive.name), offset);
  }
}

/** Where an archive is to be read from, or null when the cursor is past it. */
function startOf(archive: ArchiveEntry, cursor: WarcCursor | null): number | null {
  if (cursor === null || archive.name > cursor.archive) return 0;
  if (archive.name < cursor.archive || cursor.complete) {
    // A file that grew since it was read to its end is read on.
    return archive.name === cursor.archive && archive.size !== null && archive.size > cursor.offset
      ? cursor.offset
      : null;
  }
  return cursor.offset;
}

function emptyReport(): WarcReport {
  return {
    records: 0,
    published: 0,
    skipped: {},
    refused: 0,
    damaged: [],
    bytesRead: 0,
    bytesTotal: null,
  };
}
