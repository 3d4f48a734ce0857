import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A story: the syndicated copies of one text. Named by the first article the enricher saw of it
 * (its id is that article's id), whose MinHash signature later articles are compared with.
 * Written by the enricher only (StoriesRepository), never updated.
 */
@Entity({ name: 'stories' })
export class StoryEntity {
  @PrimaryColumn({ name: 'id', type: 'text', primaryKeyConstraintName: 'PK_stories' })
  id!: string;

  /** The naming article's MinHash signature: 32-bit minima, little-endian. */
  @Column({ name: 'signature', type: 'bytea' })
  signature!: Buffer;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
