import type { ArticleImageV1, ArticleProvenanceV1, SourceKind } from '@newsflow/contracts';
import { Check, Column, Entity, Index, OneToMany, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { ARTICLE_SEARCH_VECTOR } from '../search-config';
import type { ArticleCountryEntity } from './article-country.entity';
import type { ArticleNamedEntity } from './article-named.entity';
import type { ArticleRevisionEntity } from './article-revision.entity';
import type { ArticleTopicEntity } from './article-topic.entity';

/**
 * One row per article id: the current version of the article and the enricher's version. Its
 * tags live in the child tables, replaced as a set whenever the article is stored again; every
 * version of its content is kept in article_revisions.
 *
 * The two indexes declared with `synchronize: false` are written by hand in the migrations,
 * because TypeORM cannot express them: a descending, NULLS LAST key for "newest first" pages and
 * a GIN index on the generated `search` column. Declaring them here by name keeps TypeORM's
 * schema diff from dropping them.
 */
@Entity({ name: 'articles' })
@Index('IDX_articles_published_at', { synchronize: false })
@Index('IDX_articles_search', { synchronize: false })
@Index('IDX_articles_source_id', ['sourceId'])
@Index('IDX_articles_language', ['language'])
@Index('IDX_articles_story_id', ['storyId'])
@Check('CHK_articles_story_similarity', '"story_similarity" >= 0 AND "story_similarity" <= 1')
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

  /** Where each metadata field came from; null for articles parsed before provenance existed. */
  @Column({ name: 'provenance', type: 'jsonb', nullable: true })
  provenance!: ArticleProvenanceV1 | null;

  /**
   * The story the enricher gave the article (ArticleEnrichedV1.storyId): the id of the first
   * article seen of the same text. Null for articles too short to have one, and for articles
   * enriched before stories existed.
   */
  @Column({ name: 'story_id', type: 'text', nullable: true })
  storyId!: string | null;

  /** Estimated similarity to the story's first article (ArticleEnrichedV1.storySimilarity). */
  @Column({ name: 'story_similarity', type: 'double precision', nullable: true })
  storySimilarity!: number | null;

  /** 1 for the first content; one more each time the content hash changes. */
  @Column({ name: 'revision', type: 'integer', default: 1 })
  revision!: number;

  /**
   * The article's place in the order the store wrote new content: from the article_ingest_seq
   * sequence, taken again when the content changes, and committed in order (see
   * ArticlesRepository.upsertMany), so a reader paging by it never skips a row. A bigint: pg
   * returns it as a string.
   */
  @Index('UQ_articles_ingest_seq', { unique: true })
  @Column({ name: 'ingest_seq', type: 'bigint' })
  ingestSeq!: string;

  /** Title and body for full-text search, in the article's language (see search-config.ts). */
  @Column({
    name: 'search',
    type: 'tsvector',
    generatedType: 'STORED',
    asExpression: ARTICLE_SEARCH_VECTOR,
    select: false,
    insert: false,
    update: false,
  })
  search?: string;

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

  @OneToMany('ArticleRevisionEntity', (revision: ArticleRevisionEntity) => revision.article)
  revisions?: Relation<ArticleRevisionEntity>[];
}
