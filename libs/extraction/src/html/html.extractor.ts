import type { ArticleImageV1, ArticleProvenanceV1, ProvenanceField } from '@newsflow/contracts';
import type { ChildNode, Document, Element, ParentNode } from 'domhandler';
import { sourced } from '../article-draft';
import type { ArticleDraft, DraftContext, Sourced } from '../article-draft';
import type { Deadline } from '../limits';
import { cleanAuthorNames } from '../text/author-names';
import { parseDate } from '../text/date-parser';
import { splitCaptionCredit } from '../text/photo-credit';
import { comparisonKey, normalizeBodyText, normalizeText } from '../text/text-normalizer';
import { absoluteUrl } from '../text/url';
import {
  AncestorTest,
  allElements,
  attribute,
  descendantsWhere,
  elementsUnder,
  isTag,
  isText,
  parseHtml,
  select,
  selectFirst,
  textOf,
} from './dom';
import { readFigures } from './figures';
import { readJsonLdArticle } from './json-ld';
import type { JsonLdArticle } from './json-ld';
import { ContentReader } from './main-content';
import { readMicrodataArticle } from './microdata';
import type { MicrodataArticle } from './microdata';
import { readPageAddress } from './page-address';
import { readPageMetadata } from './page-metadata';
import type { PageMetadata } from './page-metadata';

/** A separator a `<title>` puts between the headline and the site name, at the end of the rest. */
const SEPARATOR_BEFORE_SITE = /\s+[|\-–—:·•»]\s*$/;
/** The same separator after a site name that leads the title. */
const SEPARATOR_AFTER_SITE = /^\s*[|\-–—:·•»]\s+/;

const OPENGRAPH_PUBLISHED = [
  'article:published_time',
  'og:published_time',
  'og:article:published_time',
];

const PUBLISHED_META = [
  'datepublished',
  'parsely-pub-date',
  'sailthru.date',
  'article.published',
  'publish_date',
  'publish-date',
  'publishdate',
  'published_date',
  'pubdate',
  'dc.date.issued',
  'dcterms.issued',
  'dc.date.created',
  'dcterms.created',
  'dc.date',
  'dcterms.date',
  'date',
];

const OPENGRAPH_UPDATED = ['article:modified_time', 'og:updated_time', 'og:article:modified_time'];

const UPDATED_META = [
  'datemodified',
  'article.updated',
  'dc.date.modified',
  'dcterms.modified',
  'last-modified',
];

const AUTHOR_META = [
  'author',
  'article:author',
  'og:article:author',
  'byl',
  'dc.creator',
  'dcterms.creator',
  'sailthru.author',
  'parsely-author',
  'cxenseparse:author',
];

/**
 * Where a page marks its byline in the body, most specific first: `[rel~="author"]`,
 * `[itemprop~="author"]`, `.byline, [class*="byline"], [class*="by-line"]`,
 * `[class*="author-name"], [class*="authorname"], .author`. Tested on the attributes directly,
 * as a selector engine would (only `rel` ignores case), for a fraction of its cost.
 */
const BYLINE_MARKUP: readonly {
  /** The attribute the test reads: an element without it never passes. */
  attribute: string;
  test: (element: Element) => boolean;
}[] = [
  { attribute: 'rel', test: ({ attribs }) => hasWord(attribs['rel'], /(?:^|\s)author(?:$|\s)/i) },
  {
    attribute: 'itemprop',
    test: ({ attribs }) => hasWord(attribs['itemprop'], /(?:^|\s)author(?:$|\s)/),
  },
  {
    attribute: 'class',
    test: ({ attribs }) =>
      attribs['class'] !== undefined &&
      (attribs['class'].includes('byline') || attribs['class'].includes('by-line')),
  },
  {
    attribute: 'class',
    test: ({ attribs }) =>
      attribs['class'] !== undefined &&
      (attribs['class'].includes('author-name') ||
        attribs['class'].includes('authorname') ||
        hasWord(attribs['class'], /(?:^|\s)author(?:$|\s)/)),
  },
];

/** `[name~="word"]`: the attribute's whitespace-separated words include the word. */
function hasWord(value: string | undefined, word: RegExp): boolean {
  return value !== undefined && word.test(value);
}

/** Where a `<time>` is not the article's: page furniture, and lists of other articles. */
const ELSEWHERE_TAGS = new Set(['nav', 'aside', 'footer']);
const ELSEWHERE_CLASS = /related|comment/i;

/**
 * `<time>` elements tried for each date, best first. The article's own dates are among a page's
 * first few; every one tried that does not parse costs a run of the date parsers (80,000 of them
 * took seconds), so the rest of a listing's or a hostile page's are not read.
 */
export const MAX_TIME_CANDIDATES = 20;

/**
 * The standfirst first, unless the body already says it, as a paragraph of its own or at the start
 * of one (a page that sets the standfirst in bold above the text, and repeats it), or it is one of
 * the headline's versions.
 */
function withStandfirst(
  standfirst: string | null,
  blocks: string[],
  headlines: ReadonlySet<string>,
): string[] {
  if (standfirst === null || blocks.length === 0) return blocks;
  const key = comparisonKey(standfirst);
  if (headlines.has(key)) return blocks;
  const repeated = blocks.some((block) => comparisonKey(block).startsWith(key));
  return repeated ? blocks : [standfirst, ...blocks];
}

/**
 * Reads an HTML page. Each metadata field comes from the first source in this order that has
 * it, and the draft's provenance names that source:
 *
 * | field | sources, first wins |
 * | --- | --- |
 * | title | og:title, JSON-LD headline, microdata headline, twitter:title, `<h1>`, `<title>` (site name cut off) |
 * | lead | og:description, meta description / dc.description, JSON-LD, microdata, twitter:description |
 * | authors | JSON-LD, microdata, meta (author, article:author, byl, dc.creator, sailthru.author, parsely-author, cXenseParse:author…), byline markup (rel=author, .byline…) |
 * | publishedAt | OpenGraph article:published_time, JSON-LD, microdata, meta (parsely-pub-date, sailthru.date, pubdate, DC.date.issued, date…), `<time>` |
 * | updatedAt | OpenGraph article:modified_time / og:updated_time, JSON-LD, microdata, meta, `<time>` |
 * | language | `<html lang>`, JSON-LD inLanguage, microdata, og:locale, meta content-language |
 * | siteName | og:site_name, JSON-LD publisher, microdata publisher, meta application-name |
 * | section | article:section, JSON-LD articleSection, microdata, meta section |
 * | keywords | news_keywords, JSON-LD, article:tag, microdata, meta keywords |
 * | canonicalUrl | `<link rel=canonical>` and og:url in the head (page-address.ts), JSON-LD url, microdata url |
 * | lead image | og:image, JSON-LD image, microdata image, twitter:image, the first `<figure>` |
 *
 * Why this order: what the publisher wrote for machines about this article (OpenGraph, JSON-LD,
 * microdata) before generic meta tags, which CMS plugins fill with site-wide values, before
 * markup read by heuristics (`<h1>`, `<time>`, bylines), which may belong to something else on
 * the page. OpenGraph leads for title and description because JSON-LD headlines are often cut
 * to 110 characters for search engines; JSON-LD leads for authors because OpenGraph's
 * article:author is usually a profile URL. A source whose value does not survive cleaning (a
 * date that does not parse, an author that is only the publisher) gives way to the next.
 *
 * The body is the text blocks of the main container (see ContentReader); when that has
 * none, JSON-LD `articleBody`.
 */
export function extractHtml(html: string, context: DraftContext): ArticleDraft {
  const { deadline } = context;
  const document = parseHtml(html, context.maxDepth, deadline);
  deadline?.check('parsing');
  const meta = readPageMetadata(document);
  const address = readPageAddress(html);
  const ld = readJsonLdArticle(document);
  const md = readMicrodataArticle(document, deadline);
  const baseUrl = absoluteUrl(address.baseHref, context.baseUrl) ?? context.baseUrl;
  const content = new ContentReader(deadline);
  const container = content.findMainContainer(document);
  deadline?.check('finding the article body');
  const h1 = selectFirst('h1', container);

  const siteName = firstOf(
    meta.find('og:site_name'),
    sourced('json-ld', ld?.publisherName),
    sourced('microdata', md?.publisherName),
    meta.find('application-name', 'dc.publisher'),
  );
  const title = readTitle(meta, ld, md, h1, siteName?.value ?? null);
  // The headline shown in the body is not a paragraph, whichever of its versions it shows.
  const headlines = new Set(
    [title?.value, meta.first('og:title'), ld?.headline, meta.titleTag].flatMap((headline) =>
      headline ? [comparisonKey(headline)] : [],
    ),
  );
  const blocks = withStandfirst(
    content.findStandfirst(container),
    content.readBlocks(container).filter((block) => !headlines.has(comparisonKey(block))),
    headlines,
  );
  const paragraphs =
    blocks.length > 0 ? blocks : (ld?.articleBody?.split(/\n+/).map(normalizeBodyText) ?? []);

  const language = firstOf(
    sourced('html-lang', meta.htmlLang),
    sourced('json-ld', ld?.inLanguage),
    sourced('microdata', md?.inLanguage),
    meta.find('og:locale', 'content-language', 'language', 'dc.language'),
  );
  const locale = dateLocale(meta, ld, language?.value ?? null);
  const date = (...candidates: (Sourced<string> | null)[]): Sourced<string> | null =>
    firstParsed(candidates, (value) => parseDate(value, context.now, { locale }));
  // The markup's times are the last resort: read only when no metadata dates the article.
  let times: ReturnType<typeof readTimes> | undefined;
  const timesOnPage = (): ReturnType<typeof readTimes> =>
    (times ??= readTimes(document, container, h1, deadline));
  const publishers = [siteName?.value, ld?.publisherName, md?.publisherName];
  const lead = readLeadImage(meta, ld, md, container, baseUrl, deadline);

  const fields = {
    title,
    lead: firstOf(
      meta.find('og:description', 'description', 'dc.description'),
      sourced('json-ld', ld?.description),
      sourced('microdata', md?.description),
      meta.find('twitter:description'),
    ),
    authors: readAuthors(meta, ld, md, document, container, publishers, deadline),
    publishedAt:
      date(
        meta.find(...OPENGRAPH_PUBLISHED),
        sourced('json-ld', ld?.datePublished),
        sourced('microdata', md?.datePublished),
        ...PUBLISHED_META.map((name) => meta.find(name)),
      ) ?? date(...timesOnPage().published),
    updatedAt:
      date(
        meta.find(...OPENGRAPH_UPDATED),
        sourced('json-ld', ld?.dateModified),
        sourced('microdata', md?.dateModified),
        ...UPDATED_META.map((name) => meta.find(name)),
      ) ?? date(...timesOnPage().updated),
    language,
    siteName,
    section: firstOf(
      meta.find('article:section'),
      sourced('json-ld', ld?.sections[0]),
      sourced('microdata', md?.sections[0]),
      meta.find('section', 'parsely-section'),
    ),
    keywords: firstList(
      meta.findAll('news_keywords'),
      sourced('json-ld', ld?.keywords),
      meta.findAll('article:tag'),
      sourced('microdata', md?.keywords),
      meta.findAll('keywords', 'parsely-tags'),
    ),
    canonicalUrl: firstParsed(
      [
        sourced('link-canonical', address.canonicalLink),
        sourced('opengraph', address.ogUrl),
        sourced('json-ld', ld?.url),
        sourced('microdata', md?.url),
      ],
      (value) => absoluteUrl(value, baseUrl),
    ),
    leadImage: lead.source === null ? null : { value: lead.images[0], source: lead.source },
  } satisfies Record<ProvenanceField, Sourced<unknown> | null>;

  return {
    title: fields.title?.value ?? null,
    lead: fields.lead?.value ?? null,
    paragraphs,
    authors: fields.authors?.value ?? [],
    publishedAt: fields.publishedAt?.value ?? null,
    updatedAt: fields.updatedAt?.value ?? null,
    declaredLanguage: fields.language?.value ?? null,
    siteName: fields.siteName?.value ?? null,
    section: fields.section?.value ?? null,
    keywords: fields.keywords?.value ?? [],
    images: lead.images,
    canonicalUrl: fields.canonicalUrl?.value ?? null,
    provenance: provenanceOf(fields),
  };
}

function readTitle(
  meta: PageMetadata,
  ld: JsonLdArticle | null,
  md: MicrodataArticle | null,
  h1: Element | null,
  siteName: string | null,
): Sourced<string> | null {
  const withoutSite = (found: Sourced<string> | null): Sourced<string> | null =>
    found && sourced(found.source, withoutSiteName(found.value, siteName));
  return firstOf(
    withoutSite(meta.find('og:title')),
    sourced('json-ld', ld?.headline),
    sourced('microdata', md?.headline),
    withoutSite(meta.find('twitter:title')),
    sourced('h1', textOf(h1)),
    withoutSite(sourced('title-tag', meta.titleTag)),
  );
}

/**
 * "Headline | Site Name" -> "Headline", when the site name is known; also "Site Name: Headline".
 * The title is normalised first: the separators' `\s+` tried at every space of a long run of
 * whitespace would take time in the square of its length.
 */
function withoutSiteName(raw: string, siteName: string | null): string {
  if (siteName === null) return raw;
  const title = normalizeText(raw);
  const lower = title.toLowerCase();
  const site = normalizeText(siteName).toLowerCase();
  if (lower.endsWith(site)) {
    const rest = title.slice(0, title.length - site.length);
    if (SEPARATOR_BEFORE_SITE.test(rest)) return rest.replace(SEPARATOR_BEFORE_SITE, '');
  }
  if (lower.startsWith(site)) {
    const rest = title.slice(site.length);
    if (SEPARATOR_AFTER_SITE.test(rest)) return rest.replace(SEPARATOR_AFTER_SITE, '');
  }
  return title;
}

function readAuthors(
  meta: PageMetadata,
  ld: JsonLdArticle | null,
  md: MicrodataArticle | null,
  document: Document,
  container: ParentNode,
  publishers: (string | null | undefined)[],
  deadline: Deadline | undefined,
): Sourced<string[]> | null {
  const candidates: (() => Sourced<string[]> | null)[] = [
    () => sourced('json-ld', ld?.authors),
    () => sourced('microdata', md?.authors),
    ...AUTHOR_META.map((name) => () => meta.findAll(name)),
    () => sourced('byline', readBylines(container, deadline) ?? readBylines(document, deadline)),
  ];
  for (const candidate of candidates) {
    const found = candidate();
    const names = cleanAuthorNames(found?.value ?? [], { publishers });
    if (found && names.length > 0) return { value: names, source: found.source };
  }
  return null;
}

/**
 * The author names the body's markup shows, from the first kind of byline markup it has. Each
 * element's text is read whole, so bylines nested in bylines read the page again and again: the
 * deadline is checked at each.
 */
function readBylines(root: ParentNode | Document, deadline: Deadline | undefined): string[] | null {
  for (const { attribute: name, test } of BYLINE_MARKUP) {
    const names = descendantsWhere(root, test, name).flatMap((element) => {
      deadline?.check('reading bylines');
      const name =
        spacedText(selectFirst('[itemprop~="name"]', element) ?? element) ??
        (element.name === 'a' ? attribute(element, 'href') : null);
      return name === null ? [] : [name];
    });
    if (names.length > 0) return names;
  }
  return null;
}

/**
 * An element's text with a space between the texts of its elements: bylines put names, roles and
 * agencies in separate spans ("<span>Jill Lawless</span><span>Associated Press</span>"), which
 * run together without one.
 */
function spacedText(element: Element): string | null {
  const parts: string[] = [];
  const visit = (node: ChildNode): void => {
    if (isText(node)) parts.push(node.data);
    else if (isTag(node)) {
      parts.push(' ');
      node.children.forEach(visit);
      parts.push(' ');
    }
  };
  element.children.forEach(visit);
  const text = normalizeText(parts.join(''));
  return text === '' ? null : text;
}

/**
 * The `<time>` elements that may date the article, best first (the first that parses wins): for
 * publication, those marked as such (`pubdate`, `itemprop=datePublished`), then those after the
 * headline, then those in the main container; for the update, those marked as such
 * (`itemprop=dateModified`, a class saying updated or modified). Never one in a list of other
 * articles or the page furniture. At most MAX_TIME_CANDIDATES of each.
 */
function readTimes(
  document: Document,
  container: ParentNode,
  h1: Element | null,
  deadline: Deadline | undefined,
): { published: Sourced<string>[]; updated: Sourced<string>[] } {
  const inContainer = new Set(select('time', container));
  const elsewhere = new AncestorTest(
    (element) =>
      ELSEWHERE_TAGS.has(element.name) || ELSEWHERE_CLASS.test(attribute(element, 'class') ?? ''),
  );
  const selected = new Set(
    select('time, [itemprop~="datePublished"], [itemprop~="dateModified"]', document),
  );
  // Positions in document order, where the elements inside the headline come right after it:
  // comparing paths from the root instead cost a search of each parent's children, which took
  // seconds for 100,000 siblings.
  const elements = allElements(document);
  const h1Position = h1 ? elements.indexOf(h1) : -1;
  const firstAfterH1 =
    h1 && h1Position >= 0
      ? h1Position + 1 + elementsUnder(h1.children, () => true).length
      : Number.POSITIVE_INFINITY;
  const times: { element: Element; afterH1: boolean }[] = [];
  elements.forEach((element, position) => {
    if (!selected.has(element) || element.name === 'meta' || elsewhere.isInside(element)) return;
    times.push({ element, afterH1: position >= firstAfterH1 });
  });

  const unmarked = times.filter(({ element }) => !isUpdateTime(element));
  const candidates = [
    ...times.filter(({ element }) => isPublicationTime(element)),
    ...unmarked.filter(({ afterH1 }) => afterH1),
    ...unmarked.filter(({ element }) => inContainer.has(element)),
  ];
  const updates = times.filter(({ element }) => isUpdateTime(element));
  return {
    published: timeValues(candidates, deadline),
    updated: timeValues(updates, deadline),
  };
}

/**
 * The values of the first MAX_TIME_CANDIDATES elements that have one, with their sources. A value
 * may be the element's whole text, and `<time>`s nested in each other read the same text again:
 * the deadline is checked at each.
 */
function timeValues(
  candidates: readonly { element: Element }[],
  deadline: Deadline | undefined,
): Sourced<string>[] {
  const values: Sourced<string>[] = [];
  for (const { element } of candidates) {
    if (values.length >= MAX_TIME_CANDIDATES) break;
    deadline?.check('reading times');
    const value = timeValue(element);
    if (value !== null) values.push({ value, source: timeSource(element) });
  }
  return values;
}

/** hAtom's classes, which WordPress themes write, mark the two times as well as itemprop does. */
function isPublicationTime(element: Element): boolean {
  return (
    element.attribs['pubdate'] !== undefined ||
    hasItemprop(element, 'datePublished') ||
    (element.name === 'time' && /\bpublished\b/i.test(attribute(element, 'class') ?? ''))
  );
}

function isUpdateTime(element: Element): boolean {
  return (
    hasItemprop(element, 'dateModified') ||
    (element.name === 'time' && /updated|modified/i.test(attribute(element, 'class') ?? ''))
  );
}

function timeValue(element: Element): string | null {
  return attribute(element, 'datetime') ?? attribute(element, 'content') ?? textOf(element);
}

/** A `<time>` is a time element; a `<span itemprop="datePublished">` is microdata. */
function timeSource(element: Element): string {
  return element.name === 'time' ? 'time-element' : 'microdata';
}

function hasItemprop(element: Element, name: string): boolean {
  return (attribute(element, 'itemprop') ?? '').split(/\s+/).includes(name);
}

/**
 * The images: the lead picture the page advertises (og:image, JSON-LD, microdata, twitter
 * card) first, described by the JSON-LD or the figure that shows it, then the figures of the
 * body. With no advertised picture, the first figure leads.
 */
function readLeadImage(
  meta: PageMetadata,
  ld: JsonLdArticle | null,
  md: MicrodataArticle | null,
  container: ParentNode,
  baseUrl: string | null,
  deadline: Deadline | undefined,
): { images: ArticleImageV1[]; source: string | null } {
  const figures = readFigures(container, baseUrl, deadline);
  const ldImages = (ld?.images ?? []).map((image) => described(image, baseUrl));
  const advertised = firstParsed(
    [
      meta.find('og:image:secure_url', 'og:image', 'og:image:url'),
      sourced('json-ld', ldImages[0]?.url),
      sourced('microdata', md?.images[0]),
      meta.find('twitter:image', 'twitter:image:src'),
    ],
    (value) => absoluteUrl(value, baseUrl),
  );
  if (advertised === null) return { images: figures, source: figures.length > 0 ? 'figure' : null };
  const url = advertised.value;
  const shown = figures.find((figure) => figure.url === url);
  const fromLd = ldImages.find((image) => image.url === url);
  const lead: ArticleImageV1 = {
    url,
    caption: shown?.caption ?? fromLd?.caption ?? null,
    credit: shown?.credit ?? fromLd?.credit ?? null,
  };
  return {
    images: [lead, ...figures.filter((figure) => figure !== shown)],
    source: advertised.source,
  };
}

/** A JSON-LD image with its address resolved and a credit split from its caption if need be. */
function described(image: ArticleImageV1, baseUrl: string | null): ArticleImageV1 {
  const url = absoluteUrl(image.url, baseUrl);
  if (image.credit !== null || image.caption === null) return { ...image, url };
  return { url, ...splitCaptionCredit(image.caption) };
}

/** The language tag that tells how the page writes dates: one with a region when there is one. */
function dateLocale(
  meta: PageMetadata,
  ld: JsonLdArticle | null,
  declared: string | null,
): string | null {
  const tags = [meta.htmlLang, meta.first('og:locale'), ld?.inLanguage, declared];
  return tags.find((tag) => tag != null && /^[a-z]{2,3}[-_][a-z]{2}\b/i.test(tag)) ?? declared;
}

function firstOf<T>(...candidates: (Sourced<T> | null)[]): Sourced<T> | null {
  return candidates.find((candidate) => candidate !== null) ?? null;
}

/** The first candidate that `parse` accepts, parsed, with its source. */
function firstParsed(
  candidates: (Sourced<string> | null)[],
  parse: (value: string) => string | null,
): Sourced<string> | null {
  for (const candidate of candidates) {
    const parsed = candidate ? parse(candidate.value) : null;
    if (candidate && parsed !== null) return { value: parsed, source: candidate.source };
  }
  return null;
}

/** The first candidate list with an item left after splitting at commas and trimming. */
function firstList(...candidates: (Sourced<string[]> | null)[]): Sourced<string[]> | null {
  for (const candidate of candidates) {
    const items = (candidate?.value ?? [])
      .flatMap((value) => value.split(','))
      .map((item) => item.trim())
      .filter((item) => item !== '');
    if (candidate && items.length > 0) return { value: items, source: candidate.source };
  }
  return null;
}

function provenanceOf(
  fields: Record<ProvenanceField, Sourced<unknown> | null>,
): ArticleProvenanceV1 {
  const provenance: ArticleProvenanceV1 = {};
  for (const [field, found] of Object.entries(fields) as [
    ProvenanceField,
    Sourced<unknown> | null,
  ][]) {
    if (found) provenance[field] = found.source;
  }
  return provenance;
}
