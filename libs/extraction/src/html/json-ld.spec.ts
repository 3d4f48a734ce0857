import { parseHtml } from './dom';
import { readJsonLdArticle } from './json-ld';

function page(...scripts: string[]): string {
  return `<html><head>${scripts
    .map((json) => `<script type="application/ld+json">${json}</script>`)
    .join('')}</head><body></body></html>`;
}

function read(...scripts: string[]): ReturnType<typeof readJsonLdArticle> {
  return readJsonLdArticle(parseHtml(page(...scripts)));
}

describe(readJsonLdArticle.name, () => {
  it('finds the article in a top-level array among other types', () => {
    const article = read(
      JSON.stringify([
        { '@type': 'BreadcrumbList', name: 'Home' },
        { '@type': 'ReportageNewsArticle', headline: 'Dam breaks', author: 'Anna Smith' },
      ]),
    );
    expect(article).toMatchObject({ headline: 'Dam breaks', authors: ['Anna Smith'] });
  });

  it('finds the article as the mainEntity of a WebPage', () => {
    const article = read(
      JSON.stringify({
        '@type': 'WebPage',
        mainEntity: { '@type': 'Article', headline: 'Dam breaks' },
      }),
    );
    expect(article?.headline).toBe('Dam breaks');
  });

  it('reads authors given as a string, an object or an array of both', () => {
    const article = read(
      JSON.stringify({
        '@type': 'NewsArticle',
        author: ['Anna Smith', { '@type': 'Person', name: 'Ben Okafor' }],
        publisher: { '@type': 'Organization', name: 'Valley Herald' },
      }),
    );
    expect(article).toMatchObject({
      authors: ['Anna Smith', 'Ben Okafor'],
      publisherName: 'Valley Herald',
    });
  });

  it('reads an author given only by a profile URL as that URL, but a publisher only by name', () => {
    const article = read(
      JSON.stringify({
        '@type': 'NewsArticle',
        author: { '@type': 'Person', url: 'https://valleyherald.example/author/anna-smith' },
        publisher: { '@type': 'Organization', url: 'https://valleyherald.example/' },
      }),
    );
    expect(article).toMatchObject({
      authors: ['https://valleyherald.example/author/anna-smith'],
      publisherName: null,
    });
  });

  it('reads types written as schema.org URLs', () => {
    expect(
      read(JSON.stringify({ '@type': 'http://schema.org/BlogPosting', headline: 'A post' }))
        ?.headline,
    ).toBe('A post');
  });

  it('reads images as strings or ImageObjects, and keywords as a list or comma-separated', () => {
    const article = read(
      JSON.stringify({
        '@type': 'NewsArticle',
        image: [
          'https://cdn.example.com/a.jpg',
          { '@type': 'ImageObject', url: 'https://cdn.example.com/b.jpg', caption: 'B' },
        ],
        keywords: 'floods, dams',
        articleSection: 'World',
      }),
    );
    expect(article).toMatchObject({
      images: [
        { url: 'https://cdn.example.com/a.jpg', caption: null, credit: null },
        { url: 'https://cdn.example.com/b.jpg', caption: 'B', credit: null },
      ],
      keywords: ['floods', 'dams'],
      sections: ['World'],
    });
  });

  it('skips a script that is not valid JSON and reads the next one', () => {
    expect(
      read('{ not json', JSON.stringify({ '@type': 'NewsArticle', headline: 'Dam breaks' }))
        ?.headline,
    ).toBe('Dam breaks');
  });

  it('tolerates raw line breaks inside strings and a comment wrapper', () => {
    const article = read('<!--{"@type": "NewsArticle", "headline": "Dam\nbreaks"}-->');
    expect(article?.headline).toBe('Dam breaks');
  });

  it('returns null when no script describes an article', () => {
    expect(read(JSON.stringify({ '@type': 'Organization', name: 'Valley Herald' }))).toBeNull();
    expect(readJsonLdArticle(parseHtml('<html><body><p>No scripts</p></body></html>'))).toBeNull();
  });

  it.each([
    ['@graph', (json: string) => `{"@graph":[${json}]}`],
    ['arrays', (json: string) => `[${json}]`],
    ['mainEntity', (json: string) => `{"@type":"WebPage","mainEntity":${json}}`],
  ])('finds an article nested 100,000 deep in %s, without recursion', (_kind, wrap) => {
    let json = '{"@type":"NewsArticle","headline":"Deep"}';
    for (let depth = 0; depth < 100_000; depth += 1) json = wrap(json);
    expect(read(json)?.headline).toBe('Deep');
  });

  it('keeps the order of the nodes: the object, its @graph, then its mainEntity', () => {
    const article = (headline: string) => ({ '@type': 'NewsArticle', headline });
    expect(
      read(
        JSON.stringify([
          { '@type': 'WebPage', mainEntity: article('Main'), '@graph': [article('Graph')] },
          article('Last'),
        ]),
      )?.headline,
    ).toBe('Graph');
    expect(
      read(JSON.stringify([{ '@type': 'WebPage', mainEntity: article('Main') }, article('Last')]))
        ?.headline,
    ).toBe('Main');
  });

  it('reads an @value literal one level deep, not a chain of them', () => {
    expect(read('{"@type":"NewsArticle","headline":{"@value":"Dam breaks"}}')?.headline).toBe(
      'Dam breaks',
    );
    const chain = `${'{"@value":'.repeat(100_000)}"Deep"${'}'.repeat(100_000)}`;
    expect(read(`{"@type":"NewsArticle","headline":${chain}}`)?.headline).toBeNull();
  });
});
