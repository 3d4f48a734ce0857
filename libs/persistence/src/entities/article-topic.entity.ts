import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { ArticleEntity } from './article.entity';

/** An IPTC Media Topic an article is about (TopicTagV1). */
@Entity({ name: 'article_topics' })
@Index('IDX_article_topics_code', ['code'])
export class ArticleTopicEntity {
  @PrimaryColumn({
    name: 'article_id',
    type: 'text',
    primaryKeyConstraintName: 'PK_article_topics',
  })
  articleId!: string;

  /** e.g. "medtop:11000000". */
  @PrimaryColumn({ name: 'code', type: 'text', primaryKeyConstraintName: 'PK_article_topics' })
  code!: string;

  /** Index in the message's list: the contract's order is kept on the way back. */
  @Column({ name: 'position', type: 'integer' })
  position!: number;

  @Column({ name: 'label', type: 'text' })
  label!: string;

  @Column({ name: 'score', type: 'double precision' })
  score!: number;

  /** 1 for a top-level IPTC topic, 2 for a narrower one; null when the enricher did not say. */
  @Column({ name: 'level', type: 'smallint', nullable: true })
  level!: number | null;

  @ManyToOne(() => ArticleEntity, (article) => article.topics, {
    nullable: false,
    onDelete: 'CASCADE',
  })
  @JoinColumn({ name: 'article_id', foreignKeyConstraintName: 'FK_article_topics_article' })
  article?: Relation<ArticleEntity>;
}
