import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A page the fetcher has published, or refused as too large to carry, by the normalised URL a
 * source listed it under. The fetcher skips a listed URL it holds unless the source dates the
 * item later than the last fetch, and publishes a fetched page again only when its content hash
 * changed (an update); a page whose content another URL already gave (one story in two feeds) is
 * not published twice. A refused page is not fetched again until its source dates it later.
 */
@Entity({ name: 'fetched_pages' })
@Index('IDX_fetched_pages_content_hash', ['contentHash'])
export class FetchedPageEntity {
  @PrimaryColumn({ name: 'url', type: 'text', primaryKeyConstraintName: 'PK_fetched_pages' })
  url!: string;

  /** The id the message was published under: from the canonical URL when the page names one. */
  @Column({ name: 'article_id', type: 'text' })
  articleId!: string;

  @Column({ name: 'content_hash', type: 'text' })
  contentHash!: string;

  @Column({ name: 'source_id', type: 'text' })
  sourceId!: string;

  /** The date the source gave the item (updated, else published) when it was last fetched. */
  @Column({ name: 'listed_at', type: 'timestamptz', nullable: true })
  listedAt!: Date | null;

  /** How many versions were published: 1, plus one per update (0 while only refused). */
  @Column({ name: 'versions', type: 'integer', default: 1 })
  versions!: number;

  /** Why the last copy was not published (too large), or null when it was. */
  @Column({ name: 'refused', type: 'text', nullable: true })
  refused!: string | null;

  @Column({ name: 'first_seen_at', type: 'timestamptz', default: () => 'now()' })
  firstSeenAt!: Date;

  @Column({ name: 'last_fetched_at', type: 'timestamptz', default: () => 'now()' })
  lastFetchedAt!: Date;
}
