import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * What a source is read as; `auto` means "tell a feed or a sitemap from a page by its body";
 * `warc` is a web archive read on from its cursor.
 */
export type SourceKindSetting = 'auto' | 'feed' | 'sitemap' | 'url-list' | 'web' | 'warc';

/** Where a source was added from: `newsctl sources add`, or the config file read at start. */
export type SourceOrigin = 'cli' | 'config';

/**
 * A source the fetcher polls, and its polling state. Replicas share the table: a replica claims
 * a due source by writing its name into `lease_owner` with a `lease_until` in the future, polls
 * it, then writes the outcome and clears the lease. A replica that dies mid-poll leaves a lease
 * that expires, and another replica takes the source over.
 */
@Entity({ name: 'sources' })
@Index('IDX_sources_next_poll_at', ['nextPollAt'])
export class SourceEntity {
  /** Derived from the normalised URL, so adding the same URL twice finds the same source. */
  @PrimaryColumn({ name: 'id', type: 'text', primaryKeyConstraintName: 'PK_sources' })
  id!: string;

  @Column({ name: 'url', type: 'text' })
  @Index('UQ_sources_url', { unique: true })
  url!: string;

  @Column({ name: 'kind', type: 'text' })
  kind!: SourceKindSetting;

  @Column({ name: 'name', type: 'text' })
  name!: string;

  @Column({ name: 'origin', type: 'text' })
  origin!: SourceOrigin;

  @Column({ name: 'enabled', type: 'boolean', default: true })
  enabled!: boolean;

  /** Why the source is not polled: an operator's word, or the failure streak that stopped it. */
  @Column({ name: 'disabled_reason', type: 'text', nullable: true })
  disabledReason!: string | null;

  /** Validators of the last copy, sent back so an unchanged source costs a 304. */
  @Column({ name: 'etag', type: 'text', nullable: true })
  etag!: string | null;

  @Column({ name: 'last_modified', type: 'text', nullable: true })
  lastModified!: string | null;

  @Column({ name: 'last_polled_at', type: 'timestamptz', nullable: true })
  lastPolledAt!: Date | null;

  /** `ok`, `not-modified` or `failed`. */
  @Column({ name: 'last_outcome', type: 'text', nullable: true })
  lastOutcome!: string | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'next_poll_at', type: 'timestamptz', default: () => 'now()' })
  nextPollAt!: Date;

  /** The adaptive interval (see poll-schedule in @newsflow/sources); null until first polled. */
  @Column({ name: 'poll_interval_ms', type: 'integer', nullable: true })
  pollIntervalMs!: number | null;

  @Column({ name: 'failure_streak', type: 'integer', default: 0 })
  failureStreak!: number;

  /** Pages published from this source, updates included. */
  @Column({ name: 'items_published', type: 'integer', default: 0 })
  itemsPublished!: number;

  /** Pages listed by this source that could not be carried (too large), over its lifetime. */
  @Column({ name: 'pages_refused', type: 'integer', default: 0 })
  pagesRefused!: number;

  /** The last refused page: its URL and why. */
  @Column({ name: 'last_refusal', type: 'text', nullable: true })
  lastRefusal!: string | null;

  /** When a poll last succeeded (ok or not-modified). */
  @Column({ name: 'last_success_at', type: 'timestamptz', nullable: true })
  lastSuccessAt!: Date | null;

  /** When a poll last published at least one page. */
  @Column({ name: 'last_published_at', type: 'timestamptz', nullable: true })
  lastPublishedAt!: Date | null;

  /**
   * The usual time between publishing polls: a moving average (each new gap weighs a quarter),
   * null until two polls have published. A collection gap is measured against it.
   */
  @Column({ name: 'publish_interval_ms', type: 'integer', nullable: true })
  publishIntervalMs!: number | null;

  /**
   * How far a source read on from where it stopped has got (a `warc` source: the archive and the
   * offset up to which every record was published). Its shape is the source's business, read
   * back by the fetcher; null until first saved, and after `newsctl sources reset`.
   */
  @Column({ name: 'cursor', type: 'jsonb', nullable: true })
  cursor!: unknown;

  @Column({ name: 'lease_owner', type: 'text', nullable: true })
  leaseOwner!: string | null;

  @Column({ name: 'lease_until', type: 'timestamptz', nullable: true })
  leaseUntil!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
