import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ArticleFetchedV1 } from '@newsflow/contracts';
import { warcRecord } from '@newsflow/testing';
import type { PublishOutcome, PublishPage } from '../polling/poll-report';
import { warcLocation } from './warc-archive';
import { WarcSource, readWarcCursor } from './warc.source';
import type { WarcCursor, WarcCursorStore } from './warc.source';

const page = (n: number) =>
  `<!doctype html><html><head><title>Page ${n}</title></head><body><p>Story ${n}</p></body></html>`;

/** A cursor kept in memory, with every save seen. */
class MemoryCursor implements WarcCursorStore {
  saves: WarcCursor[] = [];
  constructor(public cursor: WarcCursor | null = null) {}
  load() {
    return Promise.resolve(this.cursor);
  }
  save(cursor: WarcCursor) {
    this.cursor = cursor;
    this.saves.push(cursor);
    return Promise.resolve();
  }
}

function publishInto(
  into: ArticleFetchedV1[],
  outcome: (message: ArticleFetchedV1) => PublishOutcome = () => ({ status: 'published' }),
): PublishPage {
  return (message) => {
    into.push(message);
    return Promise.resolve({ outcome: Promise.resolve(outcome(message)) });
  };
}

describe(WarcSource.name, () => {
  let dir: string;
  /** Record buffers of pages 0..n-1, with a request and a PNG after page 0. */
  let records: Buffer[];

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'newsflow-warc-source-'));
    records = [];
    for (let n = 0; n < 5; n += 1) {
      records.push(
        await warcRecord(
          { url: `https://news.example/${n}`, body: page(n), contentType: 'text/html' },
          true,
        ),
      );
      if (n === 0) {
        records.push(
          await warcRecord({ url: 'https://news.example/0', type: 'request', body: '' }, true),
        );
        records.push(
          await warcRecord(
            { url: 'https://news.example/logo.png', body: 'png', contentType: 'image/png' },
            true,
          ),
        );
      }
    }
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const archive = async (name: string, parts: Buffer[]) => {
    const path = join(dir, name);
    await writeFile(path, Buffer.concat(parts));
    return path;
  };

  it('publishes the pages, counts what is not a page, and saves the cursor at the end, complete', async () => {
    const path = await archive('a.warc.gz', records);
    const cursor = new MemoryCursor();
    const source = new WarcSource({ kind: 'file', path }, { maxBytes: 5_000_000, cursor });
    const published: ArticleFetchedV1[] = [];
    const poll = await source.poll(publishInto(published));
    expect(published.map((message) => message.url)).toEqual(
      [0, 1, 2, 3, 4].map((n) => `https://news.example/${n}`),
    );
    expect(published[0]?.source).toEqual({ id: 'warc:a.warc.gz', kind: 'warc', name: 'a.warc.gz' });
    expect(poll).toMatchObject({
      kind: 'polled',
      listed: 7,
      published: 5,
      dropped: 0,
      refused: [],
    });
    expect(source.report).toMatchObject({
      records: 7,
      published: 5,
      skipped: { 'not-a-response': 1, 'not-html': 1 },
      refused: 0,
    });
    const size = Buffer.concat(records).length;
    expect(cursor.cursor).toEqual({ archive: 'a.warc.gz', offset: size, complete: true });
    expect(source.report).toMatchObject({ bytesRead: size, bytesTotal: size });

    // A complete archive is not read again.
    const again: ArticleFetchedV1[] = [];
    expect(await source.poll(publishInto(again))).toMatchObject({ listed: 0, published: 0 });
  });

  it('resumes from a saved offset: the records before it are not read again', async () => {
    const path = await archive('a.warc.gz', records);
    const offset = records.slice(0, 4).reduce((sum, record) => sum + record.length, 0);
    const source = new WarcSource(
      { kind: 'file', path },
      {
        maxBytes: 5_000_000,
        cursor: new MemoryCursor({ archive: 'a.warc.gz', offset, complete: false }),
      },
    );
    const published: ArticleFetchedV1[] = [];
    await source.poll(publishInto(published));
    expect(published.map((message) => message.url)).toEqual([
      'https://news.example/2',
      'https://news.example/3',
      'https://news.example/4',
    ]);
  });

  it('stops after maxRecords with the cursor after the last one, and goes on from there', async () => {
    const path = await archive('a.warc.gz', records);
    const cursor = new MemoryCursor();
    const options = { maxBytes: 5_000_000, cursor, maxRecords: 2 };
    const published: ArticleFetchedV1[] = [];
    await new WarcSource({ kind: 'file', path }, options).poll(publishInto(published));
    expect(cursor.cursor).toEqual({
      archive: 'a.warc.gz',
      offset: (records[0]?.length ?? 0) + (records[1]?.length ?? 0),
      complete: false,
    });
    await new WarcSource({ kind: 'file', path }, { ...options, maxRecords: undefined }).poll(
      publishInto(published),
    );
    expect(published).toHaveLength(5);
  });

  it('holds the cursor before a page the publisher dropped, so it is read again', async () => {
    const path = await archive('a.warc.gz', records);
    const cursor = new MemoryCursor();
    const source = new WarcSource({ kind: 'file', path }, { maxBytes: 5_000_000, cursor });
    const poll = await source.poll(
      publishInto([], (message) =>
        message.url === 'https://news.example/1'
          ? { status: 'dropped', reason: 'stopping' }
          : { status: 'published' },
      ),
    );
    expect(poll).toMatchObject({ dropped: 1 });
    const beforeOne = records.slice(0, 3).reduce((sum, record) => sum + record.length, 0);
    expect(cursor.cursor).toEqual({ archive: 'a.warc.gz', offset: beforeOne, complete: false });
  });

  it('reads on past a gzip member cut mid-archive, and keeps the cursor at a record cut at the end', async () => {
    const cut = await warcRecord(
      { url: 'https://news.example/cut', body: page(9).repeat(40), contentType: 'text/html' },
      true,
    );
    const parts = [
      ...records.slice(0, 4),
      cut.subarray(0, 60),
      ...records.slice(4),
      cut.subarray(0, cut.length - 10),
    ];
    const path = await archive('a.warc.gz', parts);
    const cursor = new MemoryCursor();
    const problems: string[] = [];
    const source = new WarcSource(
      { kind: 'file', path },
      { maxBytes: 5_000_000, cursor, onProblem: ({ reason }) => problems.push(reason) },
    );
    const published: ArticleFetchedV1[] = [];
    await source.poll(publishInto(published));
    expect(published).toHaveLength(5);
    const damagedAt = parts.slice(0, 4).reduce((sum, part) => sum + part.length, 0);
    const endAt = parts.slice(0, 8).reduce((sum, part) => sum + part.length, 0);
    // How a cut member reads depends on its bytes (pako fails on it, or inflates garbage whose
    // headers do not parse): both say where it starts. A record cut in its gzip trailer may have
    // a whole block: its bytes are reported anyway.
    expect(problems).toEqual([
      expect.stringMatching(
        new RegExp(`^truncated: .*offset ${damagedAt}.*; read on from offset ${damagedAt + 60}$`),
      ),
      expect.stringMatching(
        new RegExp(`^truncated: .*offset ${endAt}.*; nothing readable follows$`),
      ),
    ]);
    expect(cursor.cursor).toEqual({ archive: 'a.warc.gz', offset: endAt, complete: false });
  });

  it('refuses a page over the byte limit, counted, without holding the others back', async () => {
    const big = await warcRecord(
      { url: 'https://news.example/big', body: 'b'.repeat(2_001), contentType: 'text/html' },
      true,
    );
    const path = await archive('a.warc.gz', [big, ...records]);
    const source = new WarcSource(
      { kind: 'file', path },
      { maxBytes: 2_000, cursor: new MemoryCursor() },
    );
    const published: ArticleFetchedV1[] = [];
    const poll = await source.poll(publishInto(published));
    expect(published).toHaveLength(5);
    expect(poll).toMatchObject({
      refused: [
        {
          url: 'https://news.example/big',
          reason: 'too-large: 2001 bytes as recorded, over the 2000-byte limit (FETCH_MAX_BYTES)',
        },
      ],
    });
  });

  it('reads a folder of archives in name order, resuming in the archive the cursor names', async () => {
    const folder = join(dir, 'crawl');
    await (await import('node:fs/promises')).mkdir(folder);
    await writeFile(join(folder, 'b.warc.gz'), Buffer.concat(records.slice(5)));
    await writeFile(join(folder, 'a.warc.gz'), Buffer.concat(records.slice(0, 5)));
    await writeFile(join(folder, 'notes.txt'), 'not an archive');
    const cursor = new MemoryCursor({
      archive: 'a.warc.gz',
      offset: records[0]?.length ?? 0,
      complete: false,
    });
    const published: ArticleFetchedV1[] = [];
    await new WarcSource({ kind: 'folder', path: folder }, { maxBytes: 5_000_000, cursor }).poll(
      publishInto(published),
    );
    expect(published.map((message) => message.url)).toEqual([
      'https://news.example/1',
      'https://news.example/2',
      'https://news.example/3',
      'https://news.example/4',
    ]);
    expect(cursor.cursor).toMatchObject({ archive: 'b.warc.gz', complete: true });
  });

  it('reads an archive named by a file: URL with escapes, as the sources table stores it', async () => {
    const path = await archive('a b.warc.gz', records);
    const location = await warcLocation(`file://${dir}/a%20b.warc.gz`);
    expect(location).toEqual({ kind: 'file', path });
    const published: ArticleFetchedV1[] = [];
    const source = new WarcSource(location, {
      id: 'row-id',
      name: 'A',
      maxBytes: 5_000_000,
      cursor: new MemoryCursor(),
    });
    await source.poll(publishInto(published));
    expect(published).toHaveLength(5);
    expect(published[0]?.source).toEqual({ id: 'row-id', kind: 'warc', name: 'A' });
  });
});

describe(readWarcCursor.name, () => {
  it('reads back a saved cursor, and none as null', () => {
    const cursor = { archive: 'a.warc.gz', offset: 120, complete: false };
    expect(readWarcCursor(JSON.parse(JSON.stringify(cursor)))).toEqual(cursor);
    expect(readWarcCursor(null)).toBeNull();
  });

  it.each([
    [{ archive: 'a.warc.gz', offset: -1, complete: false }],
    [{ archive: 'a.warc.gz', offset: 1.5, complete: false }],
    [{ archive: 'a.warc.gz', offset: '12', complete: false }],
    [{ offset: 12, complete: true }],
    [{ archive: 'a.warc.gz', offset: 12 }],
    ['a.warc.gz@12'],
  ])('refuses %j, naming it', (value) => {
    expect(() => readWarcCursor(value)).toThrow(/^not a warc cursor: /);
  });
});
