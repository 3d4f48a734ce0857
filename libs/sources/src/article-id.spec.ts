import { articleIdFromContent, articleIdFromUrl, normalizeUrl } from './article-id';

describe(normalizeUrl.name, () => {
  it('drops fragments, tracking parameters and trailing slashes', () => {
    expect(normalizeUrl('https://EXAMPLE.com:443/news/story/?utm_source=x&id=7&fbclid=y#top')).toBe(
      'https://example.com/news/story?id=7',
    );
  });

  it('keeps parameters that identify the page, in a stable order', () => {
    expect(normalizeUrl('https://example.com/a?b=2&a=1')).toBe(
      normalizeUrl('https://example.com/a?a=1&b=2'),
    );
  });

  it('rejects what is not a URL', () => {
    expect(() => normalizeUrl('not a url')).toThrow();
  });
});

describe(articleIdFromUrl.name, () => {
  it('gives one id to the same article reached through different links', () => {
    const id = articleIdFromUrl('https://example.com/story');
    expect(articleIdFromUrl('https://example.com/story/?utm_campaign=rss#comments')).toBe(id);
    expect(id).toMatch(/^[0-9a-f]{16}$/);
  });

  it('gives different articles different ids', () => {
    expect(articleIdFromUrl('https://example.com/a')).not.toBe(
      articleIdFromUrl('https://example.com/b'),
    );
  });
});

describe(articleIdFromContent.name, () => {
  it('ignores whitespace differences but not text differences', () => {
    expect(articleIdFromContent('One  story\r\n')).toBe(articleIdFromContent('One story'));
    expect(articleIdFromContent('One story')).not.toBe(articleIdFromContent('Another story'));
  });
});
