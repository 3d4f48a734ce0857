import type { ArticleEnrichedV1 } from '@newsflow/contracts';
import {
  ArticleCountryEntity,
  ArticleEntity,
  ArticleNamedEntity,
  ArticleRevisionEntity,
  ArticleTopicEntity,
  toArticleRows,
  toRevisionRow,
} from '@newsflow/persistence';
import type { ArticleRows } from '@newsflow/persistence';
import { getMetadataArgsStorage } from 'typeorm';
import { copyRow, jsonLiteral, textArrayLiteral } from './copy-text';
import type { CopyValue } from './copy-text';

/**
 * The rows `ArticlesRepository.upsertMany` writes for a batch of new articles, as COPY input:
 * one table at a time, the rows the repository's own mapper makes, the columns and their types
 * read from the entities. The database fills the rest: the generated search column and the
 * store times. The bench reads articles back through the repository afterwards.
 */
export interface CopyTable {
  name: string;
  columns: readonly string[];
  /** The article's rows in this table; `ingestSeq` is its place in the write order. */
  rowsOf(article: ArticleEnrichedV1, ingestSeq: number): CopyValue[][];
}

/** The mapper's rows of each article, made once: the COPY goes over the articles per table. */
const mapped = new WeakMap<ArticleEnrichedV1, ArticleRows>();
function rowsOf(article: ArticleEnrichedV1): ArticleRows {
  let rows = mapped.get(article);
  if (rows === undefined) {
    rows = toArticleRows(article);
    mapped.set(article, rows);
  }
  return rows;
}

/**
 * A table's COPY form from its entity. Columns the database fills are left out: generated ones
 * and those whose default is SQL (`now()`). A value is written as its column's type needs it:
 * jsonb as JSON, a text array as an array literal.
 */
function copyTableOf(
  entity: abstract new () => object,
  rowsFor: (article: ArticleEnrichedV1, ingestSeq: number) => object[],
): CopyTable {
  const storage = getMetadataArgsStorage();
  const name = storage.tables.find((table) => table.target === entity)?.name;
  if (name === undefined) throw new Error(`${entity.name} is not an entity`);
  const columns = storage
    .filterColumns(entity)
    .filter(({ options }) => options.insert !== false && typeof options.default !== 'function');
  const encode = (column: (typeof columns)[number], value: unknown): CopyValue => {
    if (value === undefined || value === null) return null;
    if (column.options.type === 'jsonb') return jsonLiteral(value);
    if (column.options.array) return textArrayLiteral(value as string[]);
    return value as CopyValue;
  };
  return {
    name,
    columns: columns.map((column) => column.options.name ?? column.propertyName),
    rowsOf: (article, ingestSeq) =>
      rowsFor(article, ingestSeq).map((row) =>
        columns.map((column) =>
          encode(column, (row as Record<string, unknown>)[column.propertyName]),
        ),
      ),
  };
}

/** Parents first: the child tables' foreign keys check the articles as rows arrive. */
export const COPY_TABLES: readonly CopyTable[] = [
  copyTableOf(ArticleEntity, (article, ingestSeq) => [
    { ...rowsOf(article).article, revision: 1, ingestSeq },
  ]),
  copyTableOf(ArticleRevisionEntity, (article) => [toRevisionRow(rowsOf(article).article, 1)]),
  copyTableOf(ArticleCountryEntity, (article) => rowsOf(article).countries),
  copyTableOf(ArticleTopicEntity, (article) => rowsOf(article).topics),
  copyTableOf(ArticleNamedEntity, (article) => rowsOf(article).entities),
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
