import { SourceSpecError, readSourcesFile, sourceSpec } from './source-spec';

describe(sourceSpec.name, () => {
  it('normalises the URL, reads it as auto and names it by its host by default', () => {
    const spec = sourceSpec('https://News.Example:443/feed.xml?utm_source=x#top');
    expect(spec).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{16}$/) as string,
      url: 'https://news.example/feed.xml',
      kind: 'auto',
      name: 'news.example',
    });
    expect(sourceSpec('https://news.example/feed.xml', 'feed', 'News').id).toBe(spec.id);
  });

  it.each([
    ['feed.xml', 'auto', /not an absolute URL/],
    ['ftp://news.example/feed.xml', 'auto', /not http or https/],
    ['https://news.example/feed.xml', 'podcast', /kind "podcast" is not one of auto, feed/],
  ])('refuses %s read as %s', (url, kind, message) => {
    expect(() => sourceSpec(url, kind)).toThrow(message);
  });
});

describe(readSourcesFile.name, () => {
  it('reads {"sources": [...]} and a bare array alike', () => {
    const entries = [
      { url: 'https://a.example/rss', kind: 'feed', name: 'A' },
      { url: 'https://b.example/sitemap.xml' },
    ];
    const fromObject = readSourcesFile(JSON.stringify({ sources: entries }));
    expect(fromObject.map((spec) => [spec.url, spec.kind, spec.name])).toEqual([
      ['https://a.example/rss', 'feed', 'A'],
      ['https://b.example/sitemap.xml', 'auto', 'b.example'],
    ]);
    expect(readSourcesFile(JSON.stringify(entries))).toEqual(fromObject);
  });

  it('reports every bad entry with its position', () => {
    const text = JSON.stringify([{ url: 'https://a.example/' }, { kind: 'feed' }, { url: 'x' }]);
    expect(() => readSourcesFile(text)).toThrow(
      new SourceSpecError('source 2: "url" must be a string; source 3: "x" is not an absolute URL'),
    );
    expect(() => readSourcesFile('{"feeds": []}')).toThrow(/expected \{"sources": \[...\]\}/);
    expect(() => readSourcesFile('{')).toThrow(/^not JSON: /);
  });
});
