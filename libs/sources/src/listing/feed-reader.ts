import type { FeedHintsV1 } from '@newsflow/contracts';
import { parseFeed } from 'feedsmith';
import type { AnyFeed, AtomFeed, JsonFeed, RdfFeed, RssFeed } from 'feedsmith';
import { FeedError } from './feed-error';
import { absoluteUrl, distinct, isoDate, plainText, withoutBom } from './feed-text';

export type FeedKind = 'rss' | 'rdf' | 'atom' | 'json-feed';

export interface FeedItem {
  /** Absolute and normalized (see normalizeUrl). */
  url: string;
  /** What the feed says about the article, for the parser to fall back on. */
  hints: FeedHintsV1;
  /** The full body as the feed carries it (content:encoded, Atom content, content_html), as HTML. */
  content?: string;
}

export interface FeedDocument {
  kind: FeedKind;
  title?: string;
  language?: string;
  items: FeedItem[];
}

type Rss = RssFeed.Feed<string>;
type Rdf = RdfFeed.Feed<string>;
type Atom = AtomFeed.Feed<string>;
type Json = JsonFeed.Feed<string>;

/**
 * RSS 0.9x/2.0, RSS 1.0 (RDF), Atom or JSON Feed, detected from the body. Items whose link
 * cannot be made an absolute http(s) URL are left out: there is nothing to fetch for them.
 * Throws FeedError, and only FeedError, when the body is not a feed.
 */
export function readFeed(body: string, baseUrl: string): FeedDocument {
  let parsed: AnyFeed;
  try {
    parsed = parseFeed(withoutBom(body).trim());
  } catch (error) {
    throw new FeedError(`not a readable feed at ${baseUrl}: ${messageOf(error)}`, { cause: error });
  }
  try {
    switch (parsed.format) {
      case 'rss':
        return fromRss(parsed.feed, baseUrl);
      case 'rdf':
        return fromRdf(parsed.feed, baseUrl);
      case 'atom':
        return fromAtom(parsed.feed, baseUrl);
      case 'json':
        return fromJson(parsed.feed, baseUrl);
    }
  } catch (error) {
    // The parser's output is typed loosely enough that a hostile feed might still surprise us.
    throw new FeedError(`unexpected ${parsed.format} feed at ${baseUrl}: ${messageOf(error)}`, {
      cause: error,
    });
  }
}

function fromRss(feed: Rss, baseUrl: string): FeedDocument {
  const language = feed.language ?? feed.dc?.languages?.[0];
  const items = (feed.items ?? []).map((item) => {
    // A guid is the article's address unless it says otherwise, but only if it looks like one.
    const guid =
      item.guid?.isPermaLink !== false && /^https?:\/\//i.test(item.guid?.value ?? '')
        ? item.guid?.value
        : undefined;
    return feedItem(absoluteUrl(item.link ?? guid, baseUrl), item.content?.encoded, {
      title: plainText(item.title),
      summary: plainText(item.description),
      authors: distinct([...(item.authors ?? []).map((a) => a.name), ...(item.dc?.creators ?? [])]),
      publishedAt: isoDate(item.pubDate ?? item.dc?.dates?.[0]),
      updatedAt: isoDate(item.atom?.updated),
      language: item.dc?.languages?.[0] ?? language,
      categories: distinct([
        ...(item.categories ?? []).map((c) => c.name),
        ...(item.dc?.subjects ?? []),
      ]),
    });
  });
  return document('rss', feed.title, language, items);
}

function fromRdf(feed: Rdf, baseUrl: string): FeedDocument {
  const language = feed.dc?.languages?.[0];
  const items = (feed.items ?? []).map((item) =>
    feedItem(absoluteUrl(item.link ?? item.rdf?.about, baseUrl), item.content?.encoded, {
      title: plainText(item.title),
      summary: plainText(item.description),
      authors: distinct(item.dc?.creators ?? []),
      publishedAt: isoDate(item.dc?.dates?.[0]),
      language: item.dc?.languages?.[0] ?? language,
      categories: distinct(item.dc?.subjects ?? []),
    }),
  );
  return document('rdf', feed.title, language, items);
}

function fromAtom(feed: Atom, baseUrl: string): FeedDocument {
  const language = feed.xml?.lang;
  const items = (feed.entries ?? []).map((entry) => {
    // rel defaults to "alternate" (RFC 4287 4.2.7.2); prefer the HTML one when there are several.
    const alternates = (entry.links ?? []).filter((l) => (l.rel ?? 'alternate') === 'alternate');
    const link =
      alternates.find((l) => l.type === undefined || /html/i.test(l.type)) ?? alternates[0];
    return feedItem(absoluteUrl(link?.href, baseUrl), entry.content?.value, {
      title: plainText(entry.title?.value),
      summary: plainText(entry.summary?.value),
      authors: distinct((entry.authors ?? feed.authors ?? []).map((a) => a.name)),
      publishedAt: isoDate(entry.published),
      updatedAt: isoDate(entry.updated),
      language: entry.xml?.lang ?? language,
      categories: distinct((entry.categories ?? []).map((c) => c.label ?? c.term)),
    });
  });
  return document('atom', plainText(feed.title?.value), language, items);
}

function fromJson(feed: Json, baseUrl: string): FeedDocument {
  const items = (feed.items ?? []).map((item) =>
    feedItem(absoluteUrl(item.url, baseUrl), item.content_html ?? item.content_text, {
      title: plainText(item.title),
      summary: plainText(item.summary),
      authors: distinct((item.authors ?? feed.authors ?? []).map((a) => a.name)),
      publishedAt: isoDate(item.date_published),
      updatedAt: isoDate(item.date_modified),
      language: item.language ?? feed.language,
      categories: distinct(item.tags ?? []),
    }),
  );
  return document('json-feed', feed.title, feed.language, items);
}

function feedItem(
  url: string | undefined,
  content: string | undefined,
  hints: FeedHintsV1,
): FeedItem | undefined {
  if (url === undefined) return undefined;
  const item: FeedItem = { url, hints: withoutEmpty(hints) };
  if (content !== undefined && content.trim() !== '') item.content = content;
  return item;
}

function document(
  kind: FeedKind,
  title: string | undefined,
  language: string | undefined,
  items: (FeedItem | undefined)[],
): FeedDocument {
  const result: FeedDocument = {
    kind,
    items: items.filter((i): i is FeedItem => i !== undefined),
  };
  const cleanTitle = title?.trim();
  if (cleanTitle) result.title = cleanTitle;
  if (language?.trim()) result.language = language.trim();
  return result;
}

/** Absent rather than empty, so a hint present in the message always says something. */
function withoutEmpty(hints: FeedHintsV1): FeedHintsV1 {
  const kept = Object.entries(hints).filter(([, value]: [string, unknown]) =>
    Array.isArray(value) ? value.length > 0 : typeof value === 'string' && value.trim() !== '',
  );
  return Object.fromEntries(kept) as FeedHintsV1;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
