import type { WarcResponse } from './warc-page';
import { LimitReader, WARCParser } from 'warcio';
import type { WARCRecord } from 'warcio';

/**
 * One record of an archive as the reader saw it. `offset` is where the record starts in the
 * archive (its gzip member, in a .warc.gz) and `end` where the next one starts: a reader started
 * at `end` goes on after it, which is what a resume needs.
 */
export type WarcItem =
  | { kind: 'response'; offset: number; end: number; response: WarcResponse }
  /** A record that is not a page to read: another WARC type (request, metadata, warcinfo...). */
  | { kind: 'skipped'; offset: number; end: number; url: string | null; reason: string }
  /** A response that cannot be carried: over the byte limit, not read into memory. */
  | { kind: 'refused'; offset: number; end: number; url: string | null; reason: string }
  /**
   * A record cut short: the stream ends inside it (an interrupted download or crawl), or it
   * cannot be read past where it was cut (a gzip member cut in the middle of a file, whose next
   * bytes are another member). The stream is not read further; a file is read on from the next
   * record found after it, if any (see WarcSource).
   */
  | { kind: 'truncated'; offset: number; reason: string }
  /** Bytes that warcio cannot read as a record (garbled headers): as `truncated`, the end. */
  | { kind: 'unreadable'; offset: number; reason: string };

export interface WarcReadOptions {
  /** Where in the archive the bytes given start: the offsets reported count from it. */
  startOffset: number;
  /** FETCH_MAX_BYTES: a page over it, as recorded or once decoded, is refused. */
  maxBytes: number;
}

/**
 * Reads a WARC (plain or gzip, one member per record as WARC writers do) as a stream, with
 * warcio's parser: a record at a time, each payload read under `maxBytes` and let go once
 * yielded, so memory holds one or two records whatever the archive's size.
 *
 * Records are drained here rather than by warcio's `skipFully`, which loops for ever on a record
 * that the stream ends inside (its LimitReader waits for bytes that never come).
 */
export async function* readWarcRecords(
  chunks: AsyncIterable<Uint8Array>,
  options: WarcReadOptions,
): AsyncGenerator<WarcItem> {
  const fed = { bytes: 0, gzip: false };
  const parser = new WARCParser(counting(chunks, fed));
  const reader = parser._reader;
  const at = (relative: number) => options.startOffset + relative;
  // warcio reads a gzip member it cannot inflate (cut short, then the next member's bytes) as
  // if the rest of the stream were not compressed, and its offsets are then meaningless. What
  // stays true is the end of the last member inflated whole (`_rawOffset`): reading stops there.
  const damaged = () => fed.gzip && reader.compressed === null;
  const stopAtDamage = function* (held: HeldItem | undefined): Generator<WarcItem> {
    const end = at(reader._rawOffset);
    if (held && held.offset < end) yield { ...held, end };
    yield {
      kind: 'truncated',
      offset: end,
      reason: `truncated: the gzip member at offset ${end} cannot be inflated (cut short or damaged)`,
    };
  };
  // Each item waits for the next record's start, which is its end.
  let held: HeldItem | undefined;
  let started = 0;
  try {
    for await (const record of parser) {
      if (damaged()) {
        yield* stopAtDamage(held);
        return;
      }
      started = at(parser.offset);
      if (held) yield { ...held, end: started };
      held = undefined;
      const item = await readRecord(record, started, options.maxBytes);
      if (item.kind === 'truncated') {
        yield item;
        return;
      }
      held = item;
    }
  } catch (error) {
    if (damaged()) {
      yield* stopAtDamage(held);
      return;
    }
    const offset = held ? at(parser.offset) : started;
    if (held) yield { ...held, end: offset };
    yield { kind: 'unreadable', offset, reason: `unreadable: ${describe(error)}` };
    return;
  }
  if (damaged()) {
    yield* stopAtDamage(held);
    return;
  }
  // The final parse left its offset where a next record would have started.
  const end = at(parser.offset);
  if (held) yield { ...held, end };
  const left = at(fed.bytes) - end;
  if (left > 0)
    yield {
      kind: 'truncated',
      offset: end,
      reason: `truncated: ${left} bytes from offset ${end} are not a whole record`,
    };
}

type HeldItem = Exclude<WarcItem, { kind: 'truncated' | 'unreadable' }>;

/** A record read; `end` is filled in once the next record's start is known. */
type RecordItem = Exclude<WarcItem, { kind: 'unreadable' }>;

async function readRecord(
  record: WARCRecord,
  offset: number,
  maxBytes: number,
): Promise<RecordItem> {
  const url = record.warcTargetURI ?? null;
  const limiter = record._reader instanceof LimitReader ? record._reader : undefined;
  const truncated = (): RecordItem => ({
    kind: 'truncated',
    offset,
    reason: `truncated: the ${record.warcType} record of ${String(url)} at offset ${offset} declares ${record.warcContentLength} bytes; the archive ends before them`,
  });
  if (record.warcType !== 'response' || record.httpHeaders === null) {
    if (await drained(record, limiter)) return truncated();
    const what = record.warcType === 'response' ? 'response without HTTP headers' : record.warcType;
    return { kind: 'skipped', offset, end: 0, url, reason: `not-a-response: ${what}` };
  }
  const recorded = limiter?.limit ?? 0;
  if (recorded > maxBytes) {
    if (await drained(record, limiter)) return truncated();
    return refused(offset, url, recorded, maxBytes, 'as recorded');
  }
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of record.contentReader) {
    size += chunk.length;
    // A compressed payload may decode to far more than it was: the limit holds for both.
    if (size > maxBytes) break;
    parts.push(chunk);
  }
  if (await drained(record, limiter)) return truncated();
  if (size > maxBytes) return refused(offset, url, size, maxBytes, 'once decoded');
  const headers = record.httpHeaders.headers;
  const status = Number(record.httpHeaders.statusCode);
  const response: WarcResponse = {
    targetUri: url,
    warcDate: record.warcDate ?? null,
    status: Number.isInteger(status) ? status : null,
    contentType: headers.get('content-type') ?? null,
    payload: Buffer.concat(parts, size),
  };
  return { kind: 'response', offset, end: 0, response };
}

function refused(
  offset: number,
  url: string | null,
  size: number,
  max: number,
  how: string,
): RecordItem {
  const reason = `too-large: ${size} bytes ${how}, over the ${max}-byte limit (FETCH_MAX_BYTES)`;
  return { kind: 'refused', offset, end: 0, url, reason };
}

/** Reads what is left of the record's block; true if the archive ended before its end. */
async function drained(record: WARCRecord, limiter: LimitReader | undefined): Promise<boolean> {
  if (limiter === undefined) return false;
  // Ends when the block is read, or when the stream does: warcio's own skip would wait.
  for await (const chunk of limiter) void chunk;
  record.consumed = 'skipped';
  return limiter.limit > 0;
}

async function* counting(chunks: AsyncIterable<Uint8Array>, fed: { bytes: number; gzip: boolean }) {
  for await (const chunk of chunks) {
    if (fed.bytes === 0) fed.gzip = chunk[0] === 0x1f && chunk[1] === 0x8b;
    fed.bytes += chunk.length;
    yield chunk;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
