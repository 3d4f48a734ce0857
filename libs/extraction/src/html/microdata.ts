import type { Document, Element } from 'domhandler';
import type { Deadline } from '../limits';
import { attribute, elementsWithAttribute, isTag, select, textOf } from './dom';
import { isArticleType } from './json-ld';

/** The fields of a schema.org article in the page's microdata that the extractor uses. */
export interface MicrodataArticle {
  headline: string | null;
  description: string | null;
  datePublished: string | null;
  dateModified: string | null;
  authors: string[];
  publisherName: string | null;
  /** Image addresses, as written. */
  images: string[];
  sections: string[];
  keywords: string[];
  inLanguage: string | null;
  url: string | null;
}

/** The elements whose value is an address, and the attribute that holds it. */
const URL_ATTRIBUTE: Partial<Record<string, string>> = {
  a: 'href',
  area: 'href',
  link: 'href',
  audio: 'src',
  embed: 'src',
  iframe: 'src',
  img: 'src',
  source: 'src',
  video: 'src',
  object: 'data',
};

/**
 * The first article item of the page's microdata (`itemscope` with an `itemtype` such as
 * `https://schema.org/NewsArticle`), or null. Only the item's own properties count: an
 * `itemprop="name"` inside its author's nested item is the author's name, not the article's.
 *
 * A value may be an element's whole text, and properties nested in each other read the same text
 * again: the deadline is checked at each value read.
 */
export function readMicrodataArticle(
  document: Document,
  deadline?: Deadline,
): MicrodataArticle | null {
  const items = elementsWithAttribute(document, 'itemscope').filter(
    ({ attribs }) => attribs['itemtype'] !== undefined,
  );
  const item = items.find((element) =>
    (attribute(element, 'itemtype') ?? '')
      .split(/\s+/)
      .some((type) => isArticleType(type.replace(/^.*[/:#]/, ''))),
  );
  if (!item) return null;
  const properties = itemProperties(item);
  const valueOf = (element: Element, options: ValueOptions = {}): string | null => {
    deadline?.check('reading microdata');
    return propertyValue(element, options);
  };
  const values = (name: string, options: ValueOptions = {}): string[] =>
    (properties.get(name) ?? []).flatMap((element) => {
      const value = valueOf(element, options);
      return value === null ? [] : [value];
    });
  // Only as many values as it takes to find one.
  const firstOf = (names: readonly string[], options: ValueOptions = {}): string | null => {
    for (const name of names) {
      for (const element of properties.get(name) ?? []) {
        const value = valueOf(element, options);
        if (value !== null) return value;
      }
    }
    return null;
  };
  const first = (...names: string[]): string | null => firstOf(names);

  return {
    headline: first('headline', 'name'),
    description: first('description'),
    datePublished: first('datePublished', 'dateCreated'),
    dateModified: first('dateModified'),
    authors: [...values('author', NAMED), ...values('creator', NAMED)],
    publisherName: firstOf(['publisher'], NAMED),
    images: (properties.get('image') ?? []).flatMap((element) => {
      deadline?.check('reading microdata');
      const url = imageUrl(element);
      return url === null ? [] : [url];
    }),
    sections: values('articleSection'),
    keywords: (properties.get('keywords') ?? []).flatMap((element) => {
      deadline?.check('reading microdata');
      return keywordsOf(element);
    }),
    inLanguage: first('inLanguage'),
    url: first('url', 'mainEntityOfPage'),
  };
}

/** The elements that carry the item's properties, by property name. */
function itemProperties(item: Element): Map<string, Element[]> {
  const found = new Map<string, Element[]>();
  const visit = (element: Element): void => {
    for (const child of element.children) {
      if (!isTag(child)) continue;
      for (const name of (attribute(child, 'itemprop') ?? '').split(/\s+/)) {
        if (name === '') continue;
        const named = found.get(name);
        if (named) named.push(child);
        else found.set(name, [child]);
      }
      // A nested item's properties are its own.
      if (child.attribs['itemscope'] === undefined) visit(child);
    }
  };
  visit(item);
  return found;
}

interface ValueOptions {
  /** A link's text rather than its address: `<a itemprop="author" href="/author/1">Jane Doe</a>`. */
  linkText?: boolean;
}

/** For people and organisations, whose links point at a profile and say the name. */
const NAMED: ValueOptions = { linkText: true };

/**
 * A property's value: a nested item's name (an author, a publisher), else what the element
 * holds by the rules of microdata (`content`, a link's address, `<time datetime>`, the text).
 */
function propertyValue(element: Element, options: ValueOptions = {}): string | null {
  if (element.attribs['itemscope'] !== undefined) {
    const name = itemProperties(element).get('name')?.[0];
    return name ? propertyValue(name, options) : textOf(element);
  }
  const urlAttribute = URL_ATTRIBUTE[element.name];
  const linkText = options.linkText && urlAttribute === 'href' ? textOf(element) : null;
  return (
    attribute(element, 'content') ??
    linkText ??
    (urlAttribute ? attribute(element, urlAttribute) : null) ??
    (element.name === 'time' ? attribute(element, 'datetime') : null) ??
    (element.name === 'data' || element.name === 'meter' ? attribute(element, 'value') : null) ??
    textOf(element)
  );
}

/** A list of tag links is one keyword a link; any other value is comma-separated. */
function keywordsOf(element: Element): string[] {
  const links = attribute(element, 'content') === null ? select('a', element) : [];
  const values = links.length > 0 ? links.map(textOf) : [propertyValue(element)];
  return values
    .flatMap((value) => (value === null ? [] : value.split(',')))
    .map((keyword) => keyword.trim())
    .filter((keyword) => keyword !== '');
}

function imageUrl(element: Element): string | null {
  if (element.attribs['itemscope'] !== undefined) {
    const properties = itemProperties(element);
    const url = properties.get('url')?.[0] ?? properties.get('contentUrl')?.[0];
    return url ? propertyValue(url) : null;
  }
  return propertyValue(element);
}
