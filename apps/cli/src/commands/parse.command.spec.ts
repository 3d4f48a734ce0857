import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { parseFile, parseRecord } from './parse.command';

const now = new Date('2025-04-18T00:00:00.000Z');
// Curly quotes, a dash and the euro sign: bytes 0x80-0x9F in windows-1252, which latin1 misreads.
const quote = '“The bridge will cost €4 million – at least,” the mayor said on Thursday evening.';
const html = `<html><head><meta charset="windows-1252"><title>Bridge</title></head><body><article>
  <h1>Council approves the new bridge</h1><p>${quote}</p>
  <p>Work starts in the spring and should take two years, the council said in its statement.</p>
  <figure><img src="/img/bridge.jpg"><figcaption>The old bridge. © Agency / Jane Doe</figcaption></figure>
  </article></body></html>`;

describe('newsctl parse', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'newsctl-parse-'));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('decodes a windows-1252 file by its meta charset and takes the address from --url', async () => {
    const path = join(folder, 'bridge.html');
    await writeFile(path, iconv.encode(html, 'windows-1252'));
    const article = await parseFile(path, { url: 'https://news.example/local/bridge', now });
    expect(article).toMatchObject({
      url: 'https://news.example/local/bridge',
      title: 'Council approves the new bridge',
      paragraphs: [
        quote,
        'Work starts in the spring and should take two years, the council said in its statement.',
      ],
    });
    expect(article.id).toMatch(/^[0-9a-f]{16}$/);
    expect(article.images[0]?.url).toBe('https://news.example/img/bridge.jpg');
  });

  it('reads a --jsonl record of id, url and html', () => {
    const article = parseRecord({ id: 'page-1', url: 'https://news.example/a', html }, now);
    expect({ id: article.id, first: article.paragraphs[0] }).toEqual({
      id: 'page-1',
      first: quote,
    });
  });

  it('refuses a record without html or text', () => {
    expect(() => parseRecord({ id: 'page-2', url: 'https://news.example/b' }, now)).toThrow(
      'a line needs "html" or "text"',
    );
  });
});
