import { entityKinds } from '@newsflow/contracts';
import type { EntityKind } from '@newsflow/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { ArticleEntity } from './article.entity';

/**
 * A person, organisation or place an article names (EntityV1). "Named" because "entity" already
 * means a TypeORM entity class.
 */
@Entity({ name: 'article_entities' })
// Built from the contract's list: a new kind changes the check's generated name, so the schema
// check fails until a migration follows.
@Check(`"kind" IN (${entityKinds.map((kind) => `'${kind}'`).join(', ')})`)
@Index('IDX_article_entities_kind_name', ['kind', 'name'])
export class ArticleNamedEntity {
  @PrimaryColumn({
    name: 'article_id',
    type: 'text',
    primaryKeyConstraintName: 'PK_article_entities',
  })
  articleId!: string;

  @PrimaryColumn({ name: 'kind', type: 'text', primaryKeyConstraintName: 'PK_article_entities' })
  kind!: EntityKind;

  @PrimaryColumn({ name: 'name', type: 'text', primaryKeyConstraintName: 'PK_article_entities' })
  name!: string;

  /** Index in the message's list: the contract's order is kept on the way back. */
  @Column({ name: 'position', type: 'integer' })
  position!: number;

  @Column({ name: 'surface_forms', type: 'jsonb' })
  surfaceForms!: string[];

  @Column({ name: 'mentions', type: 'integer' })
  mentions!: number;

  @ManyToOne(() => ArticleEntity, (article) => article.entities, {
    nullable: false,
    onDelete: 'CASCADE',
  })
  @JoinColumn({ name: 'article_id', foreignKeyConstraintName: 'FK_article_entities_article' })
  article?: Relation<ArticleEntity>;
}
