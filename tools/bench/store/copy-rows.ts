import type { ArticleEnrichedV1 } from '@newsflow/contracts';
import { copyRow, jsonLiteral, textArrayLiteral } from './copy-text';
import type { CopyValue } from './copy-text';

/**
 * The rows `ArticlesRepository.upsertMany` writes for a batch of new articles, as COPY input:
 * one table at a time, columns named, values as the repository's mapper makes them (see
 * libs/persistence/src/article.mapper.ts). The database fills the rest: the generated search
 * column and the store times. The bench reads articles back through the repository afterwards,
 * so a column that drifts from the mapper shows up there.
 */
export interface CopyTable {
  name: string;
  columns: readonly string[];
  /** The article's rows in this table; `ingestSeq` is its place in the write order. */
  rowsOf(article: ArticleEnrichedV1, ingestSeq: number): CopyValue[][];
}

/** Parents first: the child tables' foreign keys check the articles as rows arrive. */
export const COPY_TABLES: readonly CopyTable[] = [
  {
    name: 'articles',
    columns: [
      'id',
      'url',
      'canonical_url',
      'source_id',
      'source_kind',
      'source_name',
      'title',
      'lead',
      'paragraphs',
      'body_text',
      'authors',
      'published_at',
      'updated_at',
      'language',
      'site_name',
      'section',
      'keywords',
      'images',
      'content_hash',
      'word_count',
      'parser_version',
      'enricher_version',
      'provenance',
      'revision',
      'ingest_seq',
    ],
    rowsOf: (article, ingestSeq) => [
      [
        article.id,
        article.url,
        article.canonicalUrl,
        article.source.id,
        article.source.kind,
        article.source.name,
        article.title,
        article.lead,
        jsonLiteral(article.paragraphs),
        article.bodyText,
        textArrayLiteral(article.authors),
        article.publishedAt,
        article.updatedAt,
        article.language,
        article.siteName,
        article.section,
        textArrayLiteral(article.keywords),
        jsonLiteral(article.images),
        article.contentHash,
        article.wordCount,
        article.parserVersion,
        article.enricherVersion,
        article.provenance === undefined ? null : jsonLiteral(article.provenance),
        1,
        ingestSeq,
      ],
    ],
  },
  {
    name: 'article_revisions',
    columns: [
      'article_id',
      'revision',
      'content_hash',
      'title',
      'lead',
      'paragraphs',
      'published_at',
      'updated_at',
    ],
    rowsOf: (article) => [
      [
        article.id,
        1,
        article.contentHash,
        article.title,
        article.lead,
        jsonLiteral(article.paragraphs),
        article.publishedAt,
        article.updatedAt,
      ],
    ],
  },
  {
    name: 'article_countries',
    columns: [
      'article_id',
      'code',
      'position',
      'mentions',
      'salience',
      'evidence',
      'focus',
      'found_in',
      'spans',
    ],
    rowsOf: (article) =>
      article.countries.map((country, position) => [
        article.id,
        country.code,
        position,
        country.mentions,
        country.salience,
        jsonLiteral(country.evidence),
        country.focus ?? false,
        country.foundIn === undefined ? null : textArrayLiteral(country.foundIn),
        country.spans === undefined ? null : jsonLiteral(country.spans),
      ]),
  },
  {
    name: 'article_topics',
    columns: ['article_id', 'code', 'position', 'label', 'score', 'level'],
    rowsOf: (article) =>
      article.topics.map((topic, position) => [
        article.id,
        topic.code,
        position,
        topic.label,
        topic.score,
        topic.level ?? null,
      ]),
  },
  {
    name: 'article_entities',
    columns: ['article_id', 'kind', 'name', 'position', 'surface_forms', 'mentions'],
    rowsOf: (article) =>
      article.entities.map((entity, position) => [
        article.id,
        entity.kind,
        entity.name,
        position,
        jsonLiteral(entity.surfaceForms),
        entity.mentions,
      ]),
  },
];

/** `COPY table (columns) FROM STDIN`, in the default text format. */
export function copyStatement(table: CopyTable): string {
  return `COPY "${table.name}" (${table.columns.map((column) => `"${column}"`).join(', ')}) FROM STDIN`;
}

/** Sends COPY data in pieces of about this size, not one network message per row. */
const CHUNK_CHARS = 64 * 1024;

/**
 * The table's COPY input for the articles, in chunks of about 64 KiB. Articles are numbered
 * from `firstIngestSeq` in the order given.
 */
export function* copyChunks(
  table: CopyTable,
  articles: readonly ArticleEnrichedV1[],
  firstIngestSeq = 1,
): Generator<string> {
  let chunk = '';
  for (const [index, article] of articles.entries()) {
    for (const row of table.rowsOf(article, firstIngestSeq + index)) {
      if (row.length !== table.columns.length) {
        throw new Error(`${table.name}: ${table.columns.length} columns, a row of ${row.length}`);
      }
      chunk += copyRow(row);
    }
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk.length > 0) yield chunk;
}
