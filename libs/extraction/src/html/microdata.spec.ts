import { ExtractionError } from '../extraction.error';
import { Deadline } from '../limits';
import { parseHtml } from './dom';
import { readMicrodataArticle } from './microdata';

function read(body: string): ReturnType<typeof readMicrodataArticle> {
  return readMicrodataArticle(parseHtml(`<html><body>${body}</body></html>`));
}

describe(readMicrodataArticle.name, () => {
  it('reads the properties of the first article item, not those of items nested in it', () => {
    expect(
      read(`<nav itemscope itemtype="https://schema.org/SiteNavigationElement"><span itemprop="name">Menu</span></nav>
        <article itemscope itemtype="http://schema.org/BlogPosting">
          <h1 itemprop="name">Dam breaks</h1>
          <p itemprop="description">A dam burst.</p>
          <a itemprop="author" href="/author/anna-smith">Anna Smith</a>
          <div itemprop="creator" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Ben Okafor</span></div>
          <time itemprop="datePublished" datetime="2025-03-03T07:15:00Z">3 March</time>
          <div itemprop="image" itemscope itemtype="https://schema.org/ImageObject"><meta itemprop="url" content="https://cdn.example.com/dam.jpg"></div>
          <img itemprop="image" src="/second.jpg">
          <meta itemprop="keywords" content="floods,dams">
          <meta itemprop="articleSection" content="Regional">
          <link itemprop="mainEntityOfPage" href="https://news.example.com/dam">
          <meta itemprop="inLanguage" content="en">
        </article>`),
    ).toEqual({
      headline: 'Dam breaks',
      description: 'A dam burst.',
      datePublished: '2025-03-03T07:15:00Z',
      dateModified: null,
      authors: ['Anna Smith', 'Ben Okafor'],
      publisherName: null,
      images: ['https://cdn.example.com/dam.jpg', '/second.jpg'],
      sections: ['Regional'],
      keywords: ['floods', 'dams'],
      inLanguage: 'en',
      url: 'https://news.example.com/dam',
    });
  });

  it('reads keywords given as a list of tag links one a link', () => {
    expect(
      read(`<div itemscope itemtype="https://schema.org/NewsArticle">
        <p itemprop="keywords"><a href="/tag/floods">Floods</a><a href="/tag/dams">Dams, rivers</a></p></div>`)
        ?.keywords,
    ).toEqual(['Floods', 'Dams', 'rivers']);
  });

  it('returns null for a page without an article item', () => {
    expect(
      read(
        '<div itemscope itemtype="https://schema.org/Person"><span itemprop="name">Anna</span></div>',
      ),
    ).toBeNull();
  });

  it('checks the deadline at each value it reads: nested properties read the same text again', () => {
    const page = parseHtml(`<html><body><div itemscope itemtype="https://schema.org/NewsArticle">
      <span itemprop="author"><span itemprop="author">Anna Smith</span></span></div></body></html>`);
    // A budget below zero is spent at the first look.
    expect(() => readMicrodataArticle(page, new Deadline(-1))).toThrow(ExtractionError);
    expect(readMicrodataArticle(page)?.authors).toEqual(['Anna Smith', 'Anna Smith']);
  });
});
