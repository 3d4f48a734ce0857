import { newsPages } from '@newsflow/testing';
import { canonicalUrlOf, ogUrlOf, readPageAddress } from './page-address';

const page = (head: string, body = '<p>Text.</p>') =>
  `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

describe(readPageAddress.name, () => {
  it('reads the canonical link, og:url and base href as written, entities decoded', () => {
    const address = readPageAddress(
      page(`<base href="https://cdn.example/">
        <meta property="og:url" content="https://news.example/a?id=1&amp;p=2">
        <link rel="Canonical" href=" /a?id=1&amp;p=2 ">`),
    );
    expect(address).toEqual({
      canonicalLink: '/a?id=1&p=2',
      ogUrl: 'https://news.example/a?id=1&p=2',
      baseHref: 'https://cdn.example/',
    });
  });

  it('takes the first canonical link, also among other rel tokens, even an empty one', () => {
    expect(
      readPageAddress(
        page('<link rel="alternate canonical" href="/one"><link rel=canonical href=/two>'),
      ).canonicalLink,
    ).toBe('/one');
    expect(
      readPageAddress(page('<link rel="canonical"><link rel=canonical href=/two>')).canonicalLink,
    ).toBe('');
  });

  it('reads the body too, after the head: the first canonical link in document order counts', () => {
    expect(readPageAddress(page('', '<link rel="canonical" href="/late">')).canonicalLink).toBe(
      '/late',
    );
    expect(
      readPageAddress(page('<link rel=canonical href=/head>', '<link rel=canonical href=/late>'))
        .canonicalLink,
    ).toBe('/head');
  });

  it('is not fooled by "<body" written in a head script or attribute', () => {
    const head = `<script>document.write('<body><p>x</p>')</script>
      <meta name="description" content="<body><p>teaser</p>">
      <link rel="canonical" href="https://news.example/real">`;
    expect(readPageAddress(page(head)).canonicalLink).toBe('https://news.example/real');
  });

  it('finds a canonical link however far into a long head it is', () => {
    // Real heads reach hundreds of kilobytes of inline script (one benchmark page: 207 KB).
    const script = `<script>var data = "${'x'.repeat(300_000)}";</script>`;
    const head = `${script}<link rel="canonical" href="https://news.example/far">`;
    expect(readPageAddress(page(head)).canonicalLink).toBe('https://news.example/far');
  });

  it('reads a page without <body> whole', () => {
    expect(readPageAddress('<link rel=canonical href=/a><p>text').canonicalLink).toBe('/a');
  });

  it('reads the real pages of the fixtures, one of them with "<body" in a head script', () => {
    const pages = newsPages();
    // sfgate writes `<body onload=...` inside a script 2 KB before its canonical link.
    const sfgate = pages.find((page) => page.id.startsWith('5caf91b8'));
    expect(readPageAddress(sfgate!.html).canonicalLink).toBe(
      'https://www.sfgate.com/news/crime/article/The-Latest-Man-stabbed-to-death-on-San-Francisco-14848218.php',
    );
    const found = pages.filter((page) => readPageAddress(page.html).canonicalLink !== null);
    expect(found.length).toBeGreaterThan(pages.length * 0.8);
  });
});

describe(canonicalUrlOf.name, () => {
  it('resolves against <base href>, itself resolved against the page URL', () => {
    const address = readPageAddress(page('<base href="/news/"><link rel=canonical href="a/1">'));
    expect(canonicalUrlOf(address, 'https://site.example/x/y')).toBe(
      'https://site.example/news/a/1',
    );
  });

  it('resolves against the page URL without a base; a saved file needs an absolute link', () => {
    const address = readPageAddress(page('<link rel=canonical href="/a/1">'));
    expect(canonicalUrlOf(address, 'https://site.example/x')).toBe('https://site.example/a/1');
    expect(canonicalUrlOf(address, null)).toBeNull();
  });

  it('gives null for an empty, fragment-only or non-http canonical link', () => {
    for (const href of ['', '#top', 'javascript:void(0)', 'ftp://files.example/a']) {
      const address = readPageAddress(page(`<link rel=canonical href="${href}">`));
      expect(canonicalUrlOf(address, 'https://site.example/x')).toBeNull();
    }
  });
});

describe(ogUrlOf.name, () => {
  it('resolves og:url as the canonical link is resolved', () => {
    const address = readPageAddress(page('<meta property="og:url" content="/a/2">'));
    expect(ogUrlOf(address, 'https://site.example/x')).toBe('https://site.example/a/2');
    expect(ogUrlOf(address, null)).toBeNull();
  });
});
