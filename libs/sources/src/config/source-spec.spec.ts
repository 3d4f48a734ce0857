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
    ['file:///data/feed.xml', 'auto', /is a file: only a warc source may be one/],
    ['file:///data/feed.xml', 'feed', /is a file: only a warc source may be one/],
    ['/data/feed.xml', 'auto', /not an absolute URL/],
    ['archives/cc.warc.gz', 'warc', /not an absolute path, a file: URL or an http\(s\) URL/],
    ['file://archive.example/cc.warc.gz', 'warc', /another host's file/],
    ['ftp://archive.example/cc.warc.gz', 'warc', /not http or https/],
  ])('refuses %s read as %s', (url, kind, message) => {
    expect(() => sourceSpec(url, kind)).toThrow(message);
  });

  it('takes a warc source as an absolute path, a file: URL or an http(s) URL', () => {
    const byPath = sourceSpec('/data/cc news/CC-NEWS-1.warc.gz', 'warc');
    expect(byPath).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{16}$/) as string,
      url: 'file:///data/cc%20news/CC-NEWS-1.warc.gz',
      kind: 'warc',
      name: 'CC-NEWS-1.warc.gz',
    });
    expect(sourceSpec('file:///data/cc%20news/CC-NEWS-1.warc.gz', 'warc').id).toBe(byPath.id);
    expect(sourceSpec('/data/cc-news/', 'warc', 'CC-NEWS')).toMatchObject({
      url: 'file:///data/cc-news',
      name: 'CC-NEWS',
    });
    expect(sourceSpec('/data/cc-news/', 'warc').name).toBe('cc-news');
    expect(sourceSpec('https://data.example/CC-NEWS-1.warc.gz', 'warc')).toMatchObject({
      url: 'https://data.example/CC-NEWS-1.warc.gz',
      kind: 'warc',
      name: 'data.example',
    });
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

  it('reads a warc source given as a path', () => {
    const [spec] = readSourcesFile(JSON.stringify([{ url: '/data/cc-news', kind: 'warc' }]));
    expect(spec).toMatchObject({ url: 'file:///data/cc-news', kind: 'warc', name: 'cc-news' });
  });
});
