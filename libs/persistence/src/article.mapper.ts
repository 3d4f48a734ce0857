import type { ArticleEnrichedV1 } from '@newsflow/contracts';
import type { ArticleCountryEntity } from './entities/article-country.entity';
import type { ArticleNamedEntity } from './entities/article-named.entity';
import type { ArticleRevisionEntity } from './entities/article-revision.entity';
import type { ArticleTopicEntity } from './entities/article-topic.entity';
import type { ArticleEntity } from './entities/article.entity';

/**
 * The columns a message fills. The store times, the revision and ingest sequence (see
 * ArticlesRepository), the search column and the relations are the database's business.
 */
export type ArticleRow = Omit<
  ArticleEntity,
  | 'firstStoredAt'
  | 'lastStoredAt'
  | 'revision'
  | 'ingestSeq'
  | 'search'
  | 'countries'
  | 'topics'
  | 'entities'
  | 'revisions'
>;
export type ArticleCountryRow = Omit<ArticleCountryEntity, 'article'>;
export type ArticleTopicRow = Omit<ArticleTopicEntity, 'article'>;
export type ArticleNamedEntityRow = Omit<ArticleNamedEntity, 'article'>;
/** A content version; `stored_at` is the database's. */
export type ArticleRevisionRow = Omit<ArticleRevisionEntity, 'article' | 'storedAt'>;

/** One article as rows of the four tables. */
export interface ArticleRows {
  article: ArticleRow;
  countries: ArticleCountryRow[];
  topics: ArticleTopicRow[];
  entities: ArticleNamedEntityRow[];
}

export function toArticleRows(article: ArticleEnrichedV1): ArticleRows {
  const articleId = article.id;
  return {
    article: {
      id: article.id,
      url: article.url,
      canonicalUrl: article.canonicalUrl,
      sourceId: article.source.id,
      sourceKind: article.source.kind,
      sourceName: article.source.name,
      title: article.title,
      lead: article.lead,
      paragraphs: article.paragraphs,
      bodyText: article.bodyText,
      authors: article.authors,
      publishedAt: toDate(article.publishedAt),
      updatedAt: toDate(article.updatedAt),
      language: article.language,
      siteName: article.siteName,
      section: article.section,
      keywords: article.keywords,
      images: article.images,
      contentHash: article.contentHash,
      wordCount: article.wordCount,
      parserVersion: article.parserVersion,
      enricherVersion: article.enricherVersion,
      provenance: article.provenance ?? null,
      storyId: article.storyId ?? null,
      storySimilarity: article.storySimilarity ?? null,
    },
    countries: article.countries.map((country, position) => ({
      articleId,
      position,
      code: country.code,
      mentions: country.mentions,
      salience: country.salience,
      evidence: country.evidence,
      focus: country.focus ?? false,
      foundIn: country.foundIn ?? null,
      spans: country.spans ?? null,
      confidence: country.confidence ?? null,
    })),
    topics: article.topics.map((topic, position) => ({
      articleId,
      position,
      code: topic.code,
      label: topic.label,
      score: topic.score,
      level: topic.level ?? null,
    })),
    entities: article.entities.map((entity, position) => ({
      articleId,
      position,
      kind: entity.kind,
      name: entity.name,
      surfaceForms: entity.surfaceForms,
      mentions: entity.mentions,
    })),
  };
}

/** The article's content as its revision number `revision` (see ArticlesRepository.upsertMany). */
export function toRevisionRow(
  article: ArticleRows['article'],
  revision: number,
): ArticleRevisionRow {
  return {
    articleId: article.id,
    revision,
    contentHash: article.contentHash,
    title: article.title,
    lead: article.lead,
    paragraphs: article.paragraphs,
    publishedAt: article.publishedAt,
    updatedAt: article.updatedAt,
  };
}

/**
 * The contract shape back from rows. Children come in the order given: the caller sorts them
 * (countries by salience, highest first; topics and entities as they arrived).
 */
export function fromArticleRows(rows: ArticleRows): ArticleEnrichedV1 {
  const { article } = rows;
  return {
    schemaVersion: 1,
    id: article.id,
    url: article.url,
    canonicalUrl: article.canonicalUrl,
    source: { id: article.sourceId, kind: article.sourceKind, name: article.sourceName },
    title: article.title,
    lead: article.lead,
    paragraphs: article.paragraphs,
    bodyText: article.bodyText,
    authors: article.authors,
    publishedAt: toIso(article.publishedAt),
    updatedAt: toIso(article.updatedAt),
    language: article.language,
    siteName: article.siteName,
    section: article.section,
    keywords: article.keywords,
    images: article.images,
    contentHash: article.contentHash,
    wordCount: article.wordCount,
    parserVersion: article.parserVersion,
    ...(article.provenance !== null ? { provenance: article.provenance } : {}),
    ...(article.storyId !== null && article.storySimilarity !== null
      ? { storyId: article.storyId, storySimilarity: article.storySimilarity }
      : {}),
    countries: rows.countries.map(
      ({ code, mentions, salience, evidence, focus, foundIn, spans, confidence }) => ({
        code,
        mentions,
        salience,
        evidence,
        focus,
        ...(foundIn !== null ? { foundIn } : {}),
        ...(spans !== null ? { spans } : {}),
        ...(confidence !== null ? { confidence } : {}),
      }),
    ),
    topics: rows.topics.map(({ code, label, score, level }) => ({
      code,
      label,
      score,
      ...(level !== null ? { level } : {}),
    })),
    entities: rows.entities.map(({ kind, name, surfaceForms, mentions }) => ({
      kind,
      name,
      surfaceForms,
      mentions,
    })),
    enricherVersion: article.enricherVersion,
  };
}

function toDate(iso: string | null): Date | null {
  return iso === null ? null : new Date(iso);
}

function toIso(date: Date | null): string | null {
  return date === null ? null : date.toISOString();
}
