import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BILLION_LAUGHS, EXTERNAL_ENTITY, EXTERNAL_PARAMETER_ENTITY } from '../../test/hostile-xml';
import type { HostileProlog } from '../../test/hostile-xml';
import { FeedError } from './feed-error';
import { readSitemap } from './sitemap-reader';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');

describe(readSitemap.name, () => {
  it('reads a news sitemap with its news: fields, skipping non-http locations', () => {
    expect(
      readSitemap(fixture('news-sitemap.xml'), 'https://news.example/news-sitemap.xml'),
    ).toEqual({
      kind: 'urlset',
      entries: [
        {
          url: 'https://news.example/business/merger',
          lastModified: '2025-03-04T03:06:07.000Z',
          news: {
            title: 'Merger talks & more',
            publishedAt: '2025-03-04T00:00:00.000Z',
            language: 'en',
            keywords: ['business', 'mergers'],
          },
        },
        { url: 'https://news.example/plain' },
      ],
    });
  });

  it('reads a sitemap index, resolving a relative location against the index URL', () => {
    expect(readSitemap(fixture('sitemap-index.xml'), 'https://news.example/sitemap.xml')).toEqual({
      kind: 'index',
      entries: [
        { url: 'https://news.example/sitemaps/news.xml', lastModified: '2025-03-04T00:00:00.000Z' },
        { url: 'https://news.example/sitemaps/2024.xml' },
      ],
    });
  });

  it('accepts a namespace prefix other than news:', () => {
    const body = `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:n="http://www.google.com/schemas/sitemap-news/0.9">
      <url><loc>https://a.example/1</loc><n:news><n:title>2024</n:title></n:news></url></urlset>`;
    expect(readSitemap(body, 'https://a.example/').entries).toEqual([
      { url: 'https://a.example/1', news: { title: '2024' } },
    ]);
  });

  it('reads an empty urlset as no entries', () => {
    expect(readSitemap('<urlset></urlset>', 'https://a.example/')).toEqual({
      kind: 'urlset',
      entries: [],
    });
  });

  describe('with hostile XML', () => {
    const sitemap = ({ prolog, use }: HostileProlog) =>
      `${prolog}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" ` +
      'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url>' +
      `<loc>https://a.example/p${use}</loc><news:news><news:title>t${use}</news:title></news:news>` +
      '</url></urlset>';

    it('expands no entity of a billion laughs', () => {
      const started = Date.now();
      const read = readSitemap(sitemap(BILLION_LAUGHS), 'https://a.example/sitemap.xml');
      expect(JSON.stringify(read).length).toBeLessThan(1_000);
      expect(JSON.stringify(read)).not.toContain('lollol');
      expect(Date.now() - started).toBeLessThan(2_000);
    });

    it.each([
      ['an external entity', EXTERNAL_ENTITY],
      ['an external parameter entity', EXTERNAL_PARAMETER_ENTITY],
    ])('refuses a sitemap with %s, reading nothing it names', (_case, prolog) => {
      expect(() => readSitemap(sitemap(prolog), 'https://a.example/sitemap.xml')).toThrow(
        FeedError,
      );
    });
  });

  it.each([
    [
      'malformed XML',
      '<urlset><url><loc>https://a.example/</loc></urlset>',
      /not a readable sitemap/,
    ],
    ['text that is not XML', 'hello', /not a readable sitemap/],
    ['an empty body', '', /empty document/],
    ['a feed instead of a sitemap', fixture('rdf.xml'), /root element is <RDF>/],
  ])('throws FeedError for %s', (_, body, message) => {
    expect(() => readSitemap(body, 'https://a.example/sitemap.xml')).toThrow(FeedError);
    expect(() => readSitemap(body, 'https://a.example/sitemap.xml')).toThrow(message);
  });
});
