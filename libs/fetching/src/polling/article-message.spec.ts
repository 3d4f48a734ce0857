import { extractArticle } from '@newsflow/extraction';
import { articleIdFromUrl } from '@newsflow/sources';
import { newsPages } from '@newsflow/testing';
import { articleMessage } from './article-message';
import type { FetchedPage } from './article-message';

const SOURCE = { id: 'source-1', kind: 'feed', name: 'test' } as const;
const AT = new Date('2026-01-01T00:00:00.000Z');

function fetched(url: string, body: string): FetchedPage {
  return { url, status: 200, headers: { contentType: 'text/html' }, body, charset: 'utf-8' };
}

describe(articleMessage.name, () => {
  it('takes its id from the canonical link, entities decoded and resolved against <base href>', () => {
    const html = `<html><head><base href="https://news.example/world/">
      <link rel="canonical" href="story?id=7&amp;lang=en"></head><body><p>x</p></body></html>`;
    const message = articleMessage(fetched('https://news.example/amp/7', html), SOURCE, AT);
    expect(message.id).toBe(articleIdFromUrl('https://news.example/world/story?id=7&lang=en'));
    expect(message.url).toBe('https://news.example/amp/7');
  });

  it('takes its id from the fetched URL without a usable canonical link', () => {
    for (const head of ['', '<link rel="canonical" href="">', '<link rel=canonical href="#x">']) {
      const html = `<html><head>${head}</head><body><p>x</p></body></html>`;
      const message = articleMessage(fetched('https://news.example/a', html), SOURCE, AT);
      expect(message.id).toBe(articleIdFromUrl('https://news.example/a'));
    }
  });

  it('agrees with the parsed article on real pages: the id follows the canonicalUrl it reports', () => {
    let canonical = 0;
    for (const page of newsPages()) {
      // Served from another address than the page's own: only the canonical link can give the id.
      const message = articleMessage(
        fetched(`https://mirror.example/${page.id}`, page.html),
        SOURCE,
        AT,
      );
      const parsed = extractArticle(message);
      if (parsed.provenance?.canonicalUrl !== 'link-canonical') continue;
      canonical += 1;
      expect(message.id).toBe(articleIdFromUrl(parsed.canonicalUrl ?? ''));
    }
    expect(canonical).toBeGreaterThan(30);
  });
});
