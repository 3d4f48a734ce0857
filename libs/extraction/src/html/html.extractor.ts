import type { ArticleImageV1 } from '@newsflow/contracts';
import type { Document, ParentNode } from 'domhandler';
import type { ArticleDraft, DraftContext } from '../article-draft';
import { parseDate } from '../text/date-parser';
import { normalizeText, sameText } from '../text/text-normalizer';
import { absoluteUrl } from '../text/url';
import { attribute, parseHtml, select, selectFirst, textOf } from './dom';
import { readFigures } from './figures';
import { readJsonLdArticle } from './json-ld';
import type { JsonLdArticle } from './json-ld';
import { findMainContainer, readBlocks } from './main-content';
import { readPageMetadata } from './page-metadata';
import type { PageMetadata } from './page-metadata';

/** A separator a `<title>` puts between the headline and the site name, at the end of the rest. */
const SEPARATOR_BEFORE_SITE = /\s+[|\-–—:·•»]\s*$/;
/** The same separator after a site name that leads the title. */
const SEPARATOR_AFTER_SITE = /^\s*[|\-–—:·•»]\s+/;

/**
 * Reads an HTML page. For each field, what the page states for machines comes first, then what
 * it shows: OpenGraph and article meta tags, then schema.org JSON-LD, then twitter cards and
 * plain meta tags, then the markup (`<h1>`, `<time>`, `rel=author`). The body is the text blocks
 * of the main container (see findMainContainer); when that has none, JSON-LD `articleBody`.
 */
export function extractHtml(html: string, context: DraftContext): ArticleDraft {
  const document = parseHtml(html);
  const meta = readPageMetadata(document);
  const ld = readJsonLdArticle(document);
  const baseUrl = absoluteUrl(meta.baseHref, context.baseUrl) ?? context.baseUrl;
  const container = findMainContainer(document);
  const date = (value: string | null): string | null => parseDate(value, context.now);

  const siteName =
    meta.first('og:site_name') ?? ld?.publisherName ?? meta.first('application-name');
  const title = readTitle(meta, ld, container, siteName);
  // The headline shown in the body is not a paragraph, whichever of its versions it shows.
  const headlines = [title, meta.first('og:title'), ld?.headline, meta.titleTag];
  const blocks = readBlocks(container).filter(
    (block) => !headlines.some((headline) => sameText(block, headline)),
  );
  const paragraphs =
    blocks.length > 0 ? blocks : (ld?.articleBody?.split(/\n+/).map(normalizeText) ?? []);

  return {
    title,
    lead:
      meta.first('og:description', 'description', 'dc.description') ??
      ld?.description ??
      meta.first('twitter:description'),
    paragraphs,
    authors: readAuthors(meta, ld, document),
    publishedAt:
      date(meta.first('article:published_time', 'og:published_time')) ??
      date(ld?.datePublished ?? null) ??
      date(
        meta.first(
          'datepublished',
          'pubdate',
          'publishdate',
          'publish-date',
          'date',
          'dc.date.issued',
          'dc.date',
          'dcterms.created',
          'sailthru.date',
          'parsely-pub-date',
        ),
      ) ??
      date(timeAttribute(container, document)),
    updatedAt:
      date(meta.first('article:modified_time', 'og:updated_time')) ??
      date(ld?.dateModified ?? null) ??
      date(meta.first('datemodified', 'last-modified', 'dcterms.modified')),
    declaredLanguage:
      meta.htmlLang ??
      ld?.inLanguage ??
      meta.first('og:locale', 'content-language', 'language', 'dc.language'),
    siteName,
    section: meta.first('article:section', 'section', 'parsely-section') ?? ld?.sections[0] ?? null,
    keywords: [
      ...meta.all('news_keywords', 'keywords', 'article:tag').flatMap((value) => value.split(',')),
      ...(ld?.keywords ?? []),
    ].map((keyword) => keyword.trim()),
    images: readImages(meta, ld, container, baseUrl),
    canonicalUrl: absoluteUrl(meta.canonicalLink ?? meta.first('og:url') ?? ld?.url, baseUrl),
  };
}

function readTitle(
  meta: PageMetadata,
  ld: JsonLdArticle | null,
  container: ParentNode,
  siteName: string | null,
): string | null {
  const h1 = textOf(selectFirst('h1', container));
  return (
    meta.first('og:title') ??
    ld?.headline ??
    meta.first('twitter:title') ??
    h1 ??
    withoutSiteName(meta.titleTag, siteName)
  );
}

/** "Headline | Site Name" -> "Headline", when the site name is known; also "Site Name: Headline". */
function withoutSiteName(title: string | null, siteName: string | null): string | null {
  if (title === null || siteName === null) return title;
  const lower = title.toLowerCase();
  const site = siteName.toLowerCase();
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

function readAuthors(meta: PageMetadata, ld: JsonLdArticle | null, document: Document): string[] {
  const fromMarkup = (): string[] =>
    select('[rel~="author"], [itemprop="author"]', document).flatMap((element) => {
      const name = textOf(selectFirst('[itemprop="name"]', element) ?? element);
      return name === null ? [] : [name];
    });
  const sources = [
    () => ld?.authors ?? [],
    () => meta.all('author', 'article:author', 'parsely-author', 'sailthru.author', 'dc.creator'),
    fromMarkup,
  ];
  for (const source of sources) {
    const people = source()
      .map(cleanAuthor)
      .filter((name): name is string => name !== null);
    if (people.length > 0) return people;
  }
  return [];
}

/** "By Jane Doe" -> "Jane Doe"; a profile URL or a sentence is not a name. */
function cleanAuthor(name: string): string | null {
  const cleaned = normalizeText(name).replace(/^by\s+/i, '');
  if (cleaned === '' || /^https?:\/\//i.test(cleaned) || cleaned.length > 80) return null;
  return cleaned;
}

function timeAttribute(container: ParentNode, document: Document): string | null {
  const time =
    selectFirst('[itemprop="datePublished"]', document) ?? selectFirst('time[datetime]', container);
  return time ? (attribute(time, 'datetime') ?? attribute(time, 'content') ?? textOf(time)) : null;
}

/** The lead picture the page advertises (og:image, JSON-LD), then the figures of the body. */
function readImages(
  meta: PageMetadata,
  ld: JsonLdArticle | null,
  container: ParentNode,
  baseUrl: string | null,
): ArticleImageV1[] {
  const figures = readFigures(container, baseUrl);
  const ldImages = (ld?.images ?? []).map((image) => ({
    ...image,
    url: absoluteUrl(image.url, baseUrl),
  }));
  const leadUrl = absoluteUrl(
    meta.first('og:image:secure_url', 'og:image', 'og:image:url') ??
      ldImages[0]?.url ??
      meta.first('twitter:image', 'twitter:image:src'),
    baseUrl,
  );
  if (leadUrl === null || figures.some((figure) => figure.url === leadUrl)) return figures;
  const described = ldImages.find((image) => image.url === leadUrl);
  return [
    { url: leadUrl, caption: described?.caption ?? null, credit: described?.credit ?? null },
    ...figures,
  ];
}
