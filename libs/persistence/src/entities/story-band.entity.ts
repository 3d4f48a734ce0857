import { Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { StoryEntity } from './story.entity';

/**
 * The LSH index: one row per band of a story's signature. An article's candidate stories are the
 * rows of its own band keys, found through the primary key's leading column, so a lookup reads
 * a few index pages whatever the number of stories, never the table.
 */
@Entity({ name: 'story_bands' })
export class StoryBandEntity {
  /** The band's number and minima hashed to a signed 64-bit integer (pg returns it as a string). */
  @PrimaryColumn({ name: 'band_key', type: 'bigint', primaryKeyConstraintName: 'PK_story_bands' })
  bandKey!: string;

  @PrimaryColumn({ name: 'story_id', type: 'text', primaryKeyConstraintName: 'PK_story_bands' })
  storyId!: string;

  @ManyToOne(() => StoryEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'story_id',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'FK_story_bands_story',
  })
  story?: Relation<StoryEntity>;
}
