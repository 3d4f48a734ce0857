import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { StoryEntity } from './story.entity';

/**
 * Which story each article was given, keyed by the article id: a redelivered article (or a later
 * revision of it) gets the same story again instead of being compared anew. No foreign key to
 * articles: the enricher assigns the story before the store writes the article.
 */
@Entity({ name: 'story_members' })
@Index('IDX_story_members_story_id', ['storyId'])
export class StoryMemberEntity {
  @PrimaryColumn({ name: 'article_id', type: 'text', primaryKeyConstraintName: 'PK_story_members' })
  articleId!: string;

  @Column({ name: 'story_id', type: 'text' })
  storyId!: string;

  /** Estimated Jaccard similarity to the story's first article; 1 for that article itself. */
  @Column({ name: 'similarity', type: 'double precision' })
  similarity!: number;

  @Column({ name: 'assigned_at', type: 'timestamptz', default: () => 'now()' })
  assignedAt!: Date;

  @ManyToOne(() => StoryEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'story_id',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'FK_story_members_story',
  })
  story?: Relation<StoryEntity>;
}
