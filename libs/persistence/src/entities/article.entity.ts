import type { ArticleImageV1, SourceKind } from '@newsflow/contracts';
import { Column, Entity, Index, OneToMany, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import type { ArticleCountryEntity } from './article-country.entity';
import type { ArticleNamedEntity } from './article-named.entity';
import type { ArticleTopicEntity } from './article-topic.entity';

/**
 * The document the full-text index covers. Title and body are NOT NULL, so no coalesce is
 * needed. A query must spell this exact expression for Postgres to use IDX_articles_fts.
 */
export const ARTICLE_SEARCH_DOCUMENT = `to_tsvector('simple', "title" || ' ' || "body_text")`;

/**
 * One row per article id: the parsed article and the enricher's version. Its tags live in the
 * child tables, replaced as a set whenever the article is stored again.
 *
 * The two indexes declared with `synchronize: false` are written by hand in the migration,
 * because TypeORM cannot express them: a descending, NULLS LAST key for "newest first" pages and
 * a GIN expression index for full-text search. Declaring them here by name keeps TypeORM's
 * schema diff from dropping them.
 */
@Entity({ name: 'articles' })
@Index('IDX_articles_published_at', { synchronize: false })
@Index('IDX_articles_fts', { synchronize: false })
export class ArticleEntity {
  @PrimaryColumn({ name: 'id', type: 'text', primaryKeyConstraintName: 'PK_articles' })
  id!: string;

  @Column({ name: 'url', type: 'text', nullable: true })
  url!: string | null;

  @Column({ name: 'canonical_url', type: 'text', nullable: true })
  canonicalUrl!: string | null;

  @Column({ name: 'source_id', type: 'text' })
  sourceId!: string;

  @Column({ name: 'source_kind', type: 'text' })
  sourceKind!: SourceKind;

  @Column({ name: 'source_name', type: 'text' })
  sourceName!: string;

  @Column({ name: 'title', type: 'text' })
  title!: string;

  @Column({ name: 'lead', type: 'text', nullable: true })
  lead!: string | null;

  @Column({ name: 'paragraphs', type: 'jsonb' })
  paragraphs!: string[];

  @Column({ name: 'body_text', type: 'text' })
  bodyText!: string;

  @Column({ name: 'authors', type: 'text', array: true })
  authors!: string[];

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ name: 'updated_at', type: 'timestamptz', nullable: true })
  updatedAt!: Date | null;

  @Column({ name: 'language', type: 'text', nullable: true })
  language!: string | null;

  @Column({ name: 'site_name', type: 'text', nullable: true })
  siteName!: string | null;

  @Column({ name: 'section', type: 'text', nullable: true })
  section!: string | null;

  @Column({ name: 'keywords', type: 'text', array: true })
  keywords!: string[];

  @Column({ name: 'images', type: 'jsonb' })
  images!: ArticleImageV1[];

  @Column({ name: 'content_hash', type: 'text' })
  contentHash!: string;

  @Column({ name: 'word_count', type: 'integer' })
  wordCount!: number;

  @Column({ name: 'parser_version', type: 'text' })
  parserVersion!: string;

  @Column({ name: 'enricher_version', type: 'text' })
  enricherVersion!: string;

  /** When the article was first written; an update keeps it. */
  @Column({ name: 'first_stored_at', type: 'timestamptz', default: () => 'now()' })
  firstStoredAt!: Date;

  /** When the article was last written, by its first store or any later one. */
  @Column({ name: 'last_stored_at', type: 'timestamptz', default: () => 'now()' })
  lastStoredAt!: Date;

  // The children import this class, so it names them by string: no import loop between files.
  @OneToMany('ArticleCountryEntity', (country: ArticleCountryEntity) => country.article)
  countries?: Relation<ArticleCountryEntity>[];

  @OneToMany('ArticleTopicEntity', (topic: ArticleTopicEntity) => topic.article)
  topics?: Relation<ArticleTopicEntity>[];

  @OneToMany('ArticleNamedEntity', (entity: ArticleNamedEntity) => entity.article)
  entities?: Relation<ArticleNamedEntity>[];
}
