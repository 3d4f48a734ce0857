import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { WARCRecord, WARCSerializer } from 'warcio';
import type { WARCType } from 'warcio';

/** One record to write: a response by default, with its HTTP answer. */
export interface WarcRecordSpec {
  url: string;
  /** ISO 8601; default 2025-06-01T12:00:00Z. */
  date?: string;
  type?: WARCType;
  /** The recorded HTTP status line; default `HTTP/1.1 200 OK`. */
  statusline?: string;
  contentType?: string;
  body: Buffer | string;
}

/**
 * One WARC record as WARC writers produce it, written by warcio (the library the reader uses):
 * with `gzip`, a gzip member of its own, so archives are these buffers one after another.
 * Responses and requests carry HTTP headers; other types (metadata, warcinfo) a plain block.
 */
export async function warcRecord(spec: WarcRecordSpec, gzip: boolean): Promise<Buffer> {
  const type = spec.type ?? 'response';
  const http = type === 'response' || type === 'request';
  const body = typeof spec.body === 'string' ? Buffer.from(spec.body) : spec.body;
  const record = WARCRecord.create(
    {
      url: spec.url,
      date: spec.date ?? '2025-06-01T12:00:00Z',
      type,
      ...(http
        ? {
            statusline:
              spec.statusline ?? (type === 'request' ? 'GET / HTTP/1.1' : 'HTTP/1.1 200 OK'),
            httpHeaders: {
              ...(spec.contentType === undefined ? {} : { 'Content-Type': spec.contentType }),
              'Content-Length': String(body.length),
            },
          }
        : { warcHeaders: { 'Content-Type': spec.contentType ?? 'application/octet-stream' } }),
    },
    [body],
  );
  return Buffer.from(await WARCSerializer.serialize(record, { gzip }));
}

export interface ArchiveOptions {
  /** Responses to write: the pages again and again, each copy its own article. */
  count: number;
  gzip?: boolean;
  /**
   * Records a crawl holds beside its pages, every `EXTRAS_EVERY` pages: a request, a metadata
   * record, a PNG response and a 404 page; none is a page to publish.
   */
  extras?: boolean;
  /** A gzip member cut in half mid-archive, after the first third of the pages. */
  damaged?: boolean;
  /** The archive ends inside one more page's record, as a cut download does. */
  truncatedEnd?: boolean;
}

export interface ArchiveBuilt {
  path: string;
  bytes: number;
  /** Responses that are whole pages: what ingest should publish. */
  pages: number;
  /** Their URLs, in order, with the offset where each one's record starts. */
  urls: string[];
  offsets: number[];
}

export const EXTRAS_EVERY = 50;

/** The page as copy `copy`: its own URL, and a canonical link to it so its id is its own. */
export function pageCopy(page: { id: string; html: string }, copy: number) {
  const url = `https://copies.example/${copy}/${page.id}`;
  const html = page.html.replace(
    /<head[^>]*>/i,
    (head) => `${head}<link rel="canonical" href="${url}">`,
  );
  return { url, html };
}

/**
 * Writes an archive of `count` copies of the pages to `path`, a record at a time (a 1 GB archive
 * is never in memory), with warcio, as a crawler would.
 */
export async function writeArchive(
  path: string,
  pages: readonly { id: string; html: string }[],
  options: ArchiveOptions,
): Promise<ArchiveBuilt> {
  const gzip = options.gzip ?? true;
  const out = createWriteStream(path);
  const built: ArchiveBuilt = { path, bytes: 0, pages: 0, urls: [], offsets: [] };
  const write = async (bytes: Buffer) => {
    built.bytes += bytes.length;
    if (!out.write(bytes)) await once(out, 'drain');
  };
  const response = (url: string, html: string) =>
    warcRecord({ url, body: html, contentType: 'text/html; charset=utf-8' }, gzip);
  for (let n = 0; n < options.count; n += 1) {
    const page = pages[n % pages.length];
    if (page === undefined) throw new Error('writeArchive needs pages');
    const { url, html } = pageCopy(page, Math.floor(n / pages.length));
    if (options.extras && n % EXTRAS_EVERY === 0) {
      await write(await warcRecord({ url, type: 'request', body: '' }, gzip));
      await write(
        await warcRecord(
          {
            url,
            type: 'metadata',
            body: 'fetchTimeMs: 120\r\n',
            contentType: 'application/warc-fields',
          },
          gzip,
        ),
      );
      await write(
        await warcRecord({ url: `${url}/logo.png`, body: PNG, contentType: 'image/png' }, gzip),
      );
      await write(
        await warcRecord(
          {
            url: `${url}/gone`,
            body: '<html>gone</html>',
            contentType: 'text/html',
            statusline: 'HTTP/1.1 404 Not Found',
          },
          gzip,
        ),
      );
    }
    if (options.damaged && n === Math.floor(options.count / 3)) {
      const cut = await response(`${url}-damaged`, html);
      await write(cut.subarray(0, Math.floor(cut.length / 2)));
    }
    built.offsets.push(built.bytes);
    await write(await response(url, html));
    built.pages += 1;
    built.urls.push(url);
  }
  if (options.truncatedEnd) {
    const page = pages[0];
    if (page !== undefined) {
      const last = await response('https://copies.example/truncated', page.html);
      await write(last.subarray(0, last.length - 100));
    }
  }
  out.end();
  await once(out, 'close');
  return built;
}

/** A 1x1 PNG: what a crawl's image responses look like to the reader. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
