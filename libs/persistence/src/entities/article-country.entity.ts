import type { EvidenceSpanV1, TextZoneV1 } from '@newsflow/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { ArticleEntity } from './article.entity';

/** A country an article is about (CountryTagV1). */
@Entity({ name: 'article_countries' })
@Index('IDX_article_countries_code', ['code'])
@Index('IDX_article_countries_focus_code', ['code'], { where: 'focus' })
@Index('IDX_article_countries_code_confidence', ['code', 'confidence'], {
  where: '"confidence" IS NOT NULL',
})
@Check('CHK_article_countries_confidence', '"confidence" >= 0 AND "confidence" <= 1')
export class ArticleCountryEntity {
  @PrimaryColumn({
    name: 'article_id',
    type: 'text',
    primaryKeyConstraintName: 'PK_article_countries',
  })
  articleId!: string;

  /** ISO 3166-1 alpha-2. */
  @PrimaryColumn({
    name: 'code',
    type: 'char',
    length: 2,
    primaryKeyConstraintName: 'PK_article_countries',
  })
  code!: string;

  /** Index in the message's list, so ties in salience read back in the order they came. */
  @Column({ name: 'position', type: 'integer' })
  position!: number;

  @Column({ name: 'mentions', type: 'integer' })
  mentions!: number;

  /** double precision, not real: a real turns 0.92 into 0.9200000166893005 on the way back. */
  @Column({ name: 'salience', type: 'double precision' })
  salience!: number;

  @Column({ name: 'evidence', type: 'jsonb' })
  evidence!: string[];

  /** The story is about this country; false for messages from enrichers before focus existed. */
  @Column({ name: 'focus', type: 'boolean', default: false })
  focus!: boolean;

  /** title, lead, body: where it was found; null when the enricher did not say. */
  @Column({ name: 'found_in', type: 'text', array: true, nullable: true })
  foundIn!: TextZoneV1[] | null;

  /** Every mention with its offsets (EvidenceSpanV1[]); null when the enricher did not say. */
  @Column({ name: 'spans', type: 'jsonb', nullable: true })
  spans!: EvidenceSpanV1[] | null;

  /**
   * 0..1: how sure the enricher is that the country is right (CountryTagV1.confidence); null
   * for messages from enrichers before confidence existed.
   */
  @Column({ name: 'confidence', type: 'double precision', nullable: true })
  confidence!: number | null;

  @ManyToOne(() => ArticleEntity, (article) => article.countries, {
    nullable: false,
    onDelete: 'CASCADE',
  })
  @JoinColumn({ name: 'article_id', foreignKeyConstraintName: 'FK_article_countries_article' })
  article?: Relation<ArticleEntity>;
}
