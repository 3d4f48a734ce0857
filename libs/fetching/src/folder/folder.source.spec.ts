import { mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Topic, validate } from '@newsflow/contracts';
import iconv from 'iconv-lite';
import { articleIdFromContent, articleIdFromUrl } from '@newsflow/sources';
import type { ArticleFetchedV1 } from '@newsflow/contracts';
import type { PublishOutcome, PublishPage } from '../polling/poll-report';
import { pollAndPublish } from './folder-poll';
import type { OfferingSource } from './folder-poll';
import { FolderSource } from './folder.source';

/** The documents one poll offers, without acknowledging any. */
async function offered(source: OfferingSource): Promise<ArticleFetchedV1[]> {
  const documents: ArticleFetchedV1[] = [];
  for await (const item of source.offers())
    if (item.kind === 'document') documents.push(item.document);
  return documents;
}

/** A publisher that takes every document, keeping them in `into`, and says `outcome`. */
function publishInto(
  into: ArticleFetchedV1[],
  outcome: PublishOutcome = { status: 'published' },
): PublishPage {
  return (document) => {
    into.push(document);
    return Promise.resolve({ outcome: Promise.resolve(outcome) });
  };
}

const SEED = resolve(__dirname, '../../../../tests/fixtures/seed/000_7e9030f28acf342c.txt');

describe(FolderSource.name, () => {
  let folder: string;
  const now = new Date('2026-01-02T03:04:05.000Z');

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'newsflow-folder-'));
  });

  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('publishes each saved page once, as a valid fetched-article message', async () => {
    const seed = await readFile(SEED);
    await writeFile(join(folder, 'seed.txt'), seed);
    await writeFile(
      join(folder, 'page.html'),
      '<html><head><link rel="canonical" href="https://news.example/story?utm_source=rss"></head><body><p>Hi</p></body></html>',
    );
    await writeFile(
      join(folder, 'item.json'),
      JSON.stringify({ url: 'https://news.example/json', text: 'Hi' }),
    );
    await writeFile(join(folder, 'notes.md'), 'ignored');
    const source = new FolderSource(folder, { settle: false, name: 'samples' });

    const documents: ArticleFetchedV1[] = [];
    const report = await pollAndPublish(source, publishInto(documents), { now });
    expect(report.published).toHaveLength(3);

    // Files in name order (item.json, page.html, seed.txt); notes.md is not a saved page.
    expect(documents.map((d) => d.format)).toEqual(['json', 'html', 'text']);
    for (const document of documents)
      expect(validate(Topic.ArticleFetched, document)).toEqual({ ok: true, value: document });
    const text = documents.find((d) => d.format === 'text');
    expect(text).toMatchObject({
      id: articleIdFromContent(seed.toString('utf8')),
      url: null,
      body: seed.toString('utf8'),
      charset: 'utf-8',
      fetchedAt: now.toISOString(),
      httpStatus: null,
      source: { id: 'folder:samples', kind: 'folder', name: 'samples' },
    });
    const html = documents.find((d) => d.format === 'html');
    expect(html?.url).toBe('https://news.example/story?utm_source=rss');
    expect(html?.id).toBe(articleIdFromUrl('https://news.example/story'));
    expect(documents.find((d) => d.format === 'json')?.id).toBe(
      articleIdFromUrl('https://news.example/json'),
    );

    expect(await offered(source)).toEqual([]);
  });

  it('publishes a file again when it changes', async () => {
    const path = join(folder, 'a.txt');
    await writeFile(path, 'Title\n\nFirst version.');
    const source = new FolderSource(folder, { settle: false });
    expect((await pollAndPublish(source, publishInto([]))).published).toHaveLength(1);
    await writeFile(path, 'Title\n\nSecond, longer version.');
    await utimes(path, new Date(), new Date(Date.now() + 5_000));
    const [again] = await offered(source);
    expect(again?.body).toContain('Second');
  });

  it('waits for a file to hold still before reading it', async () => {
    await writeFile(join(folder, 'a.txt'), 'Title\n\nBody.');
    const source = new FolderSource(folder);
    expect(await offered(source)).toEqual([]);
    expect(await offered(source)).toHaveLength(1);
  });

  it('offers a page again until its publication is acknowledged', async () => {
    await writeFile(join(folder, 'a.txt'), 'Title\n\nBody.');
    const source = new FolderSource(folder, { settle: false });
    const stopped = await pollAndPublish(
      source,
      publishInto([], { status: 'dropped', reason: 'broker away, publisher stopped' }),
    );
    expect(stopped).toEqual({ published: [], refused: [], dropped: 1 });
    const published: ArticleFetchedV1[] = [];
    await pollAndPublish(source, publishInto(published));
    expect(published.map((d) => d.body)).toEqual(['Title\n\nBody.']);
    expect(await offered(source)).toEqual([]);
  });

  it('refuses a file over its byte limit without reading it, and one refused as JSON, once each', async () => {
    await writeFile(join(folder, 'at-limit.txt'), `T\n\n${'a'.repeat(1_021)}`);
    await writeFile(join(folder, 'over-limit.txt'), `T\n\n${'a'.repeat(1_022)}`);
    await writeFile(join(folder, 'too-big-as-json.txt'), 'T\n\nquotes "in" it');
    const source = new FolderSource(folder, { settle: false, maxBytes: 1_024 });
    const published: ArticleFetchedV1[] = [];
    const refuseQuotes: PublishPage = (document) => {
      const outcome: PublishOutcome = document.body.includes('"')
        ? { status: 'refused', reason: 'too-large-for-topic: as JSON' }
        : { status: 'published' };
      if (outcome.status === 'published') published.push(document);
      return Promise.resolve({ outcome: Promise.resolve(outcome) });
    };

    const report = await pollAndPublish(source, refuseQuotes);

    expect(published.map((d) => d.body.length)).toEqual([1_024]);
    expect(report.refused).toEqual([
      {
        key: join(folder, 'over-limit.txt'),
        reason: 'too-large: 1025 bytes, over the 1024-byte limit (FETCH_MAX_BYTES)',
      },
      { key: join(folder, 'too-big-as-json.txt'), reason: 'too-large-for-topic: as JSON' },
    ]);
    // Refused for good: not offered again until the file changes.
    expect(await offered(source)).toEqual([]);
  });

  it('reads the next file only once the publisher has taken the last', async () => {
    for (const name of ['a.txt', 'b.txt', 'c.txt']) {
      await writeFile(join(folder, name), `T\n\n${name}`);
    }
    const source = new FolderSource(folder, { settle: false });
    let read = 0;
    const counting: OfferingSource = {
      ref: source.ref,
      acknowledge: (key) => source.acknowledge(key),
      async *offers() {
        for await (const item of source.offers()) {
          read += 1;
          yield item;
        }
      },
    };
    const readAhead: number[] = [];
    const taken: string[] = [];
    await pollAndPublish(counting, (document) => {
      readAhead.push(read - taken.length);
      taken.push(document.body);
      return Promise.resolve({ outcome: Promise.resolve({ status: 'published' as const }) });
    });
    expect(taken).toHaveLength(3);
    expect(readAhead).toEqual([1, 1, 1]);
  });

  it('polls as an ArticleSource: what it published, what it refused (the file for the URL), what it dropped', async () => {
    for (const name of ['a.txt', 'b.txt', 'c.txt']) {
      await writeFile(join(folder, name), `T\n\n${name}`);
    }
    const source = new FolderSource(folder, { settle: false, name: 'inbox' });
    const outcomes: PublishOutcome[] = [
      { status: 'published' },
      { status: 'refused', reason: 'too-large-for-topic: as JSON' },
      { status: 'dropped', reason: 'publisher stopped' },
    ];
    let next = 0;
    const publish: PublishPage = () =>
      Promise.resolve({ outcome: Promise.resolve(outcomes[next++] ?? { status: 'published' }) });

    const poll = await source.poll(publish);

    expect(source.id).toBe('folder:inbox');
    expect(poll).toEqual({
      kind: 'polled',
      etag: null,
      lastModified: null,
      listed: 3,
      published: 1,
      refused: [{ url: join(folder, 'b.txt'), reason: 'too-large-for-topic: as JSON' }],
      dropped: 1,
      records: [],
      skipped: [],
    });
    // The dropped file is offered again; the published and refused ones are not.
    expect((await offered(source)).map((document) => document.body)).toEqual(['T\n\nc.txt']);
  });

  it('decodes a windows-1252 page that declares its charset', async () => {
    const body =
      '<html><head><meta charset="windows-1252"></head><body><p>\u201cA \u20ac5 coffee\u201d</p></body></html>';
    await writeFile(join(folder, 'cp1252.html'), iconv.encode(body, 'windows-1252'));
    const [document] = await offered(new FolderSource(folder, { settle: false }));
    expect(document?.body).toBe(body);
    expect(document?.charset).toBe('windows-1252');
  });
});
