import { parseHtml } from './dom';
import { metaSource, readPageMetadata } from './page-metadata';

describe(readPageMetadata.name, () => {
  const meta = readPageMetadata(
    parseHtml(`<html lang="en-GB"><head><title> Dam breaks </title>
      <link rel="canonical" href="/a/1">
      <meta property="article:tag" content="floods"><meta property="article:tag" content="dams">
      <meta name="DC.date.issued" content="2025-04-17">
      <meta name="description" content="">
      <meta name="twitter:description" content="A dam burst.">
    </head><body><meta itemprop="datePublished" content="2025-04-17T14:34:00Z"></body></html>`),
  );

  it('reads the title and language as written', () => {
    expect([meta.titleTag, meta.htmlLang]).toEqual(['Dam breaks', 'en-GB']);
  });

  it('finds the first non-empty tag of those named, with its label, by lower-cased name', () => {
    expect(meta.find('description', 'twitter:description')).toEqual({
      value: 'A dam burst.',
      source: 'twitter',
    });
    expect(meta.find('dc.date.issued')).toEqual({
      value: '2025-04-17',
      source: 'meta:dc.date.issued',
    });
    expect(meta.find('datepublished')?.source).toBe('meta:datepublished');
    expect(meta.find('og:title')).toBeNull();
  });

  it('finds every value of the first named tag that has one', () => {
    expect(meta.findAll('news_keywords', 'article:tag')).toEqual({
      value: ['floods', 'dams'],
      source: 'opengraph',
    });
  });
});

describe(metaSource.name, () => {
  it.each([
    ['og:title', 'opengraph'],
    ['article:published_time', 'opengraph'],
    ['twitter:title', 'twitter'],
    ['sailthru.date', 'meta:sailthru.date'],
  ])('labels the tag %s %s', (name, label) => {
    expect(metaSource(name)).toBe(label);
  });
});
