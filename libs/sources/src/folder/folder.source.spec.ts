import { mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Topic, validate } from '@newsflow/contracts';
import iconv from 'iconv-lite';
import { articleIdFromContent, articleIdFromUrl } from '../article-id';
import { pollAndPublish } from '../article-source';
import { FolderSource } from './folder.source';

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

    const documents = await pollAndPublish(source, () => Promise.resolve(), now);

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

    expect(await source.poll(now)).toEqual([]);
  });

  it('publishes a file again when it changes', async () => {
    const path = join(folder, 'a.txt');
    await writeFile(path, 'Title\n\nFirst version.');
    const source = new FolderSource(folder, { settle: false });
    expect(await pollAndPublish(source, () => Promise.resolve())).toHaveLength(1);
    await writeFile(path, 'Title\n\nSecond, longer version.');
    await utimes(path, new Date(), new Date(Date.now() + 5_000));
    const [again] = await source.poll();
    expect(again?.body).toContain('Second');
  });

  it('waits for a file to hold still before reading it', async () => {
    await writeFile(join(folder, 'a.txt'), 'Title\n\nBody.');
    const source = new FolderSource(folder);
    expect(await source.poll()).toEqual([]);
    expect(await source.poll()).toHaveLength(1);
  });

  it('offers a page again until its publication is acknowledged', async () => {
    await writeFile(join(folder, 'a.txt'), 'Title\n\nBody.');
    const source = new FolderSource(folder, { settle: false });
    const brokerDown = () => Promise.reject(new Error('broker unavailable'));
    await expect(pollAndPublish(source, brokerDown)).rejects.toThrow('broker unavailable');
    const published: string[] = [];
    await pollAndPublish(source, (documents) => {
      published.push(...documents.map((d) => d.body));
      return Promise.resolve();
    });
    expect(published).toEqual(['Title\n\nBody.']);
    expect(await source.poll()).toEqual([]);
  });

  it('decodes a windows-1252 page that declares its charset', async () => {
    const body =
      '<html><head><meta charset="windows-1252"></head><body><p>\u201cA \u20ac5 coffee\u201d</p></body></html>';
    await writeFile(join(folder, 'cp1252.html'), iconv.encode(body, 'windows-1252'));
    const [document] = await new FolderSource(folder, { settle: false }).poll();
    expect(document?.body).toBe(body);
    expect(document?.charset).toBe('windows-1252');
  });
});
