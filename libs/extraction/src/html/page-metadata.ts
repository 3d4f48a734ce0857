import type { Document, Element } from 'domhandler';
import type { Sourced } from '../article-draft';
import { attribute, elementsNamed, textOf } from './dom';

/**
 * What a page says about itself outside its body: `<title>`, `<meta>`, `<html lang>`. Its own
 * address (canonical link, og:url, `<base href>`) is read by page-address.ts, the reader the
 * article id follows too.
 */
export interface PageMetadata {
  titleTag: string | null;
  htmlLang: string | null;
  /** The first non-empty value of the named meta tags, in the order of the names given. */
  first(...names: string[]): string | null;
  /** Every value of the named meta tags: by name in the order given, then in document order. */
  all(...names: string[]): string[];
  /** As `first`, with the label of the tag it came from (see metaSource). */
  find(...names: string[]): Sourced<string> | null;
  /** Every value of the first of the named tags that has any, with that tag's label. */
  findAll(...names: string[]): Sourced<string[]> | null;
}

const HEAD_ELEMENTS = ['html', 'meta', 'title'];

/**
 * Reads the page's `<meta>` tags by `name`, `property` or `itemprop`, all lower-cased
 * (`og:title`, `article:published_time`, `twitter:image`, `description`, `datepublished`).
 * One pass over the tree: pages put these tags in `<body>` too.
 */
export function readPageMetadata(document: Document): PageMetadata {
  const found = new Map<string, readonly Element[]>(
    HEAD_ELEMENTS.map((name) => [name, elementsNamed(document, name)]),
  );
  const firstOf = (name: string): Element | null => found.get(name)?.[0] ?? null;

  const values = new Map<string, string[]>();
  for (const meta of found.get('meta') ?? []) {
    const content = attribute(meta, 'content') ?? attribute(meta, 'value');
    if (content === null) continue;
    for (const key of ['name', 'property', 'itemprop', 'http-equiv']) {
      const name = attribute(meta, key)?.toLowerCase();
      if (!name) continue;
      const named = values.get(name);
      if (named) named.push(content);
      else values.set(name, [content]);
    }
  }
  const html = firstOf('html');

  const find = (...names: string[]): Sourced<string> | null => {
    for (const name of names) {
      const value = values.get(name)?.[0];
      if (value) return { value, source: metaSource(name) };
    }
    return null;
  };
  return {
    titleTag: textOf(firstOf('title')),
    htmlLang: html ? (attribute(html, 'lang') ?? attribute(html, 'xml:lang')) : null,
    first: (...names) => find(...names)?.value ?? null,
    all: (...names) => names.flatMap((name) => values.get(name) ?? []),
    find,
    findAll: (...names) => {
      for (const name of names) {
        const all = values.get(name) ?? [];
        if (all.length > 0) return { value: all, source: metaSource(name) };
      }
      return null;
    },
  };
}

/**
 * The provenance label of a meta tag: `opengraph` for OpenGraph's `og:*` and its `article:*`
 * namespace, `twitter` for twitter cards, `meta:<name>` for any other.
 */
export function metaSource(name: string): string {
  if (name.startsWith('og:') || name.startsWith('article:')) return 'opengraph';
  if (name.startsWith('twitter:')) return 'twitter';
  return `meta:${name}`;
}
