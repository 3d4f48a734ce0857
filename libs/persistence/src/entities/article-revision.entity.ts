import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { ArticleEntity } from './article.entity';

/**
 * Every content version of an article, the current one included: revision 1 is the first
 * content stored, and each new content hash adds the next. Storing the same content again (a
 * redelivery, new tags from a newer enricher) adds none. The tags are the current article's
 * only: they follow the enricher, not the text's history.
 */
@Entity({ name: 'article_revisions' })
export class ArticleRevisionEntity {
  @PrimaryColumn({
    name: 'article_id',
    type: 'text',
    primaryKeyConstraintName: 'PK_article_revisions',
  })
  articleId!: string;

  @PrimaryColumn({
    name: 'revision',
    type: 'integer',
    primaryKeyConstraintName: 'PK_article_revisions',
  })
  revision!: number;

  @Column({ name: 'content_hash', type: 'text' })
  contentHash!: string;

  @Column({ name: 'title', type: 'text' })
  title!: string;

  @Column({ name: 'lead', type: 'text', nullable: true })
  lead!: string | null;

  @Column({ name: 'paragraphs', type: 'jsonb' })
  paragraphs!: string[];

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ name: 'updated_at', type: 'timestamptz', nullable: true })
  updatedAt!: Date | null;

  @Column({ name: 'stored_at', type: 'timestamptz', default: () => 'now()' })
  storedAt!: Date;

  @ManyToOne(() => ArticleEntity, (article) => article.revisions, {
    nullable: false,
    onDelete: 'CASCADE',
  })
  @JoinColumn({ name: 'article_id', foreignKeyConstraintName: 'FK_article_revisions_article' })
  article?: Relation<ArticleEntity>;
}
