import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BILLION_LAUGHS, EXTERNAL_ENTITY, EXTERNAL_PARAMETER_ENTITY } from '../../test/hostile-xml';
import type { HostileProlog } from '../../test/hostile-xml';
import { FeedError } from './feed-error';
import { readFeed } from './feed-reader';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');

describe(readFeed.name, () => {
  it('reads RSS 2.0 with dc:creator and content:encoded, skipping items without a link', () => {
    expect(readFeed(fixture('rss2.xml'), 'https://news.example/feed.xml')).toEqual({
      kind: 'rss',
      title: 'Example News',
      language: 'en-gb',
      items: [
        {
          url: 'https://news.example/world/floods',
          content: '<p>Heavy rain closed roads across the region.</p>',
          hints: {
            title: 'Floods & storms hit the coast',
            summary: 'Heavy rain closed roads. More to come.',
            authors: ['Jane Doe', 'John Roe'],
            publishedAt: '2025-06-10T02:00:00.000Z',
            language: 'en-gb',
            categories: ['World', 'Weather'],
          },
        },
        {
          url: 'https://news.example/politics/vote',
          hints: { title: 'Permalink only', authors: ['Politics Desk'], language: 'en-gb' },
        },
      ],
    });
  });

  it('reads RSS 1.0 (RDF) with Dublin Core fields', () => {
    expect(readFeed(fixture('rdf.xml'), 'https://zeitung.example/index.rdf')).toEqual({
      kind: 'rdf',
      title: 'Zeitung',
      language: 'de',
      items: [
        {
          url: 'https://zeitung.example/politik/1',
          hints: {
            title: 'Wahl im Herbst',
            summary: 'Die Wahl findet im Oktober statt.',
            authors: ['Hans Meier'],
            publishedAt: '2024-03-01T09:00:00.000Z',
            language: 'de',
            categories: ['Politik'],
          },
        },
      ],
    });
  });

  it('reads Atom: alternate link resolved against the feed, several authors, both dates', () => {
    expect(readFeed(fixture('atom.xml'), 'https://journal.example/feeds/atom.xml')).toEqual({
      kind: 'atom',
      title: 'Le Journal',
      language: 'fr',
      items: [
        {
          url: 'https://journal.example/feeds/economie/budget',
          content: '<p>Le texte complet.</p>',
          hints: {
            title: 'Budget adopté',
            summary: 'Le budget est adopté.',
            authors: ['Marie Curie', 'Pierre Curie'],
            publishedAt: '2025-01-01T08:30:00.000Z',
            updatedAt: '2025-01-02T12:00:00.000Z',
            language: 'fr',
            categories: ['Économie', 'france'],
          },
        },
        {
          url: 'https://journal.example/en/2',
          hints: {
            title: 'Feed authors apply',
            authors: ['Rédaction'],
            updatedAt: '2025-01-03T00:00:00.000Z',
            language: 'en',
          },
        },
      ],
    });
  });

  it('reads JSON Feed 1.1, de-duplicating tags and dropping the fragment', () => {
    expect(readFeed(fixture('json-feed.json'), 'https://json.example/feed.json')).toEqual({
      kind: 'json-feed',
      title: 'JSON News',
      language: 'en',
      items: [
        {
          url: 'https://json.example/tech/chips',
          content: '<p>Faster and cooler chips.</p>',
          hints: {
            title: 'New chips ship',
            summary: 'Faster and cooler.',
            authors: ['Ada Lovelace'],
            publishedAt: '2025-02-03T09:05:06.000Z',
            updatedAt: '2025-02-04T00:00:00.000Z',
            language: 'en-US',
            categories: ['tech', 'chips'],
          },
        },
      ],
    });
  });

  it('ignores a byte-order mark before the feed', () => {
    expect(readFeed(`\uFEFF${fixture('rdf.xml')}`, 'https://zeitung.example/').items).toHaveLength(
      1,
    );
  });

  describe('with hostile XML', () => {
    const rss = ({ prolog, use }: HostileProlog) =>
      `${prolog}<rss version="2.0"><channel><title>t${use}</title><item><title>a${use}</title>` +
      `<link>https://a.example/1</link><description>d${use}</description></item></channel></rss>`;
    const atom = ({ prolog, use }: HostileProlog) =>
      `${prolog}<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry><title>a${use}</title>` +
      `<link href="https://a.example/1"/><summary>s${use}</summary></entry></feed>`;

    it.each([
      ['RSS', rss(BILLION_LAUGHS)],
      ['Atom', atom(BILLION_LAUGHS)],
    ])('expands no entity of a billion laughs in %s', (_format, body) => {
      const started = Date.now();
      const feed = readFeed(body, 'https://a.example/feed');
      expect(JSON.stringify(feed).length).toBeLessThan(1_000);
      expect(JSON.stringify(feed)).not.toContain('lollol');
      expect(Date.now() - started).toBeLessThan(2_000);
    });

    it.each([
      ['RSS with an external entity', rss(EXTERNAL_ENTITY)],
      ['Atom with an external entity', atom(EXTERNAL_ENTITY)],
      ['RSS with an external parameter entity', rss(EXTERNAL_PARAMETER_ENTITY)],
    ])('refuses %s as not a feed, reading nothing it names', (_case, body) => {
      expect(() => readFeed(body, 'https://a.example/feed')).toThrow(FeedError);
    });
  });

  it.each([
    ['a truncated feed', fixture('malformed.xml')],
    ['an HTML page', '<html><body><p>Not a feed</p></body></html>'],
    ['JSON that is not a feed', '{"hello":"world"}'],
    ['a JSON Feed with broken items', '{"version":"https://jsonfeed.org/version/1.1","items":"x"}'],
    ['an empty body', ''],
  ])('throws FeedError for %s', (_, body) => {
    expect(() => readFeed(body, 'https://bad.example/feed')).toThrow(FeedError);
    expect(() => readFeed(body, 'https://bad.example/feed')).toThrow(
      /^not a readable feed at https:\/\/bad\.example\/feed: /,
    );
  });
});
