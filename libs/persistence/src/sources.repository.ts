import type { DataSource } from 'typeorm';
import { SourceEntity } from './entities/source.entity';
import type { SourceKindSetting, SourceOrigin } from './entities/source.entity';
import { DatabaseBoundary } from './database-errors';

/**
 * What TypeORM's Postgres driver returns for UPDATE and DELETE (with or without RETURNING): the
 * returned rows and the number of rows changed. INSERT returns the rows alone.
 */
type Changed<Row = unknown> = [Row[], number];

export interface NewSource {
  id: string;
  url: string;
  kind: SourceKindSetting;
  name: string;
  origin: SourceOrigin;
}

/** What one poll of a source came to, written back with the next poll time. */
export interface PollOutcome {
  outcome: 'ok' | 'not-modified' | 'failed';
  /** Null on failure: the validators of the last good copy are kept. */
  etag?: string | null;
  lastModified?: string | null;
  error?: string | null;
  /** Null when the source is now disabled. */
  nextPollAt: Date | null;
  pollIntervalMs: number;
  failureStreak: number;
  disabledReason: string | null;
  published: number;
  /** Pages this poll could not carry (too large), and the last one's URL and reason. */
  refused?: number;
  lastRefusal?: string | null;
}

/**
 * How much a new gap between publishing polls weighs in a source's usual interval (a moving
 * average): a quarter, so one odd gap moves it a little and a source whose rhythm changed is
 * learnt within a few polls.
 */
export const PUBLISH_INTERVAL_WEIGHT = 0.25;

/** What the fetcher's metrics read of each source (see `health`). */
export interface SourceHealthRow {
  id: string;
  enabled: boolean;
  lastSuccessAt: Date | null;
  lastPublishedAt: Date | null;
  publishIntervalMs: number | null;
}

/**
 * The fetcher's sources and their polling state (see SourceEntity). Sources are named by id or
 * by URL wherever an operator names one.
 */
@DatabaseBoundary()
export class SourcesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Adds a source unless one with the same URL exists; says which happened. */
  async add(source: NewSource): Promise<{ added: boolean; source: SourceEntity }> {
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO sources (id, url, kind, name, origin) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING RETURNING id`,
      [source.id, source.url, source.kind, source.name, source.origin],
    );
    const stored = await this.find(source.url);
    if (stored === null) throw new Error(`source ${source.url} vanished while it was added`);
    return { added: inserted.length > 0, source: stored };
  }

  /**
   * The config file's sources, read at start: new ones are added, known ones take the file's
   * kind and name but keep their state (an operator's `disable` survives a restart).
   */
  async syncFromConfig(sources: readonly NewSource[]): Promise<{ added: number }> {
    let added = 0;
    for (const source of sources) {
      const rows: { inserted: boolean }[] = await this.dataSource.query(
        `INSERT INTO sources (id, url, kind, name, origin) VALUES ($1, $2, $3, $4, 'config')
         ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name
         RETURNING (xmax = 0) AS inserted`,
        [source.id, source.url, source.kind, source.name],
      );
      if (rows[0]?.inserted) added += 1;
    }
    return { added };
  }

  list(): Promise<SourceEntity[]> {
    return this.dataSource
      .getRepository(SourceEntity)
      .find({ order: { createdAt: 'ASC', url: 'ASC' } });
  }

  find(idOrUrl: string): Promise<SourceEntity | null> {
    return this.dataSource
      .getRepository(SourceEntity)
      .findOne({ where: [{ id: idOrUrl }, { url: idOrUrl }] });
  }

  async remove(idOrUrl: string): Promise<boolean> {
    const result: Changed = await this.dataSource.query(
      `DELETE FROM sources WHERE id = $1 OR url = $1 RETURNING id`,
      [idOrUrl],
    );
    return result[1] > 0;
  }

  /** Disabling keeps the reason for `sources list`; enabling clears the failure streak too. */
  async setEnabled(idOrUrl: string, enabled: boolean, reason?: string): Promise<boolean> {
    const result: Changed = enabled
      ? await this.dataSource.query(
          `UPDATE sources SET enabled = true, disabled_reason = NULL, failure_streak = 0,
             next_poll_at = now()
           WHERE id = $1 OR url = $1 RETURNING id`,
          [idOrUrl],
        )
      : await this.dataSource.query(
          `UPDATE sources SET enabled = false, disabled_reason = $2
           WHERE id = $1 OR url = $1 RETURNING id`,
          [idOrUrl, reason ?? 'disabled by an operator'],
        );
    return result[1] > 0;
  }

  /**
   * Leases up to `limit` due sources to `owner` for `leaseMs`, soonest due first. Rows locked by
   * another replica's claim are skipped, not waited for, and a source under a live lease is not
   * due: two replicas never hold the same source. An expired lease (its replica died) is free.
   */
  async claimDue(owner: string, limit: number, leaseMs: number): Promise<SourceEntity[]> {
    const claimed: Changed<{ id: string }> = await this.dataSource.query(
      `UPDATE sources SET lease_owner = $1, lease_until = now() + make_interval(secs => $2)
       WHERE id IN (
         SELECT id FROM sources
         WHERE enabled AND next_poll_at <= now() AND (lease_until IS NULL OR lease_until < now())
         ORDER BY next_poll_at, id
         LIMIT $3
         FOR UPDATE SKIP LOCKED)
       RETURNING id`,
      [owner, leaseMs / 1000, limit],
    );
    const ids = claimed[0].map((row) => row.id);
    if (ids.length === 0) return [];
    const sources = await this.dataSource
      .getRepository(SourceEntity)
      .createQueryBuilder('source')
      .where('source.id = ANY(:ids)', { ids })
      .orderBy('source.next_poll_at')
      .addOrderBy('source.id')
      .getMany();
    return sources;
  }

  /**
   * Saves how far a source read on from where it stopped has got (a warc source's cursor), only
   * while `owner` holds its lease: a replica whose lease ran out must not move the cursor of the
   * one that holds the source now. Returns whether it did.
   */
  async saveCursor(id: string, owner: string, cursor: unknown): Promise<boolean> {
    const result: Changed = await this.dataSource.query(
      `UPDATE sources SET cursor = $3::jsonb
       WHERE id = $1 AND lease_owner = $2 AND lease_until > now()
       RETURNING id`,
      [id, owner, JSON.stringify(cursor)],
    );
    return result[1] > 0;
  }

  /**
   * Forgets a source's cursor, so it is read again from its start, and makes it due now. Refused
   * while a replica holds its lease (the poll in progress would save its cursor over the reset):
   * `leased` then, with the lease's end.
   */
  async resetCursor(
    idOrUrl: string,
  ): Promise<{ status: 'reset' | 'missing' } | { status: 'leased'; leaseUntil: Date }> {
    const result: Changed = await this.dataSource.query(
      `UPDATE sources SET cursor = NULL, next_poll_at = now()
       WHERE (id = $1 OR url = $1) AND (lease_until IS NULL OR lease_until < now())
       RETURNING id`,
      [idOrUrl],
    );
    if (result[1] > 0) return { status: 'reset' };
    const source = await this.find(idOrUrl);
    if (source === null) return { status: 'missing' };
    return { status: 'leased', leaseUntil: source.leaseUntil ?? new Date() };
  }

  /**
   * Every source's health, for the fetcher's metrics: at most `limit` sources, most recently
   * created last (a fetcher with more than that many sources reports the first ones).
   */
  async health(limit: number): Promise<SourceHealthRow[]> {
    const rows: {
      id: string;
      enabled: boolean;
      last_success_at: Date | null;
      last_published_at: Date | null;
      publish_interval_ms: number | null;
    }[] = await this.dataSource.query(
      `SELECT id, enabled, last_success_at, last_published_at, publish_interval_ms
         FROM sources ORDER BY created_at, id LIMIT $1`,
      [limit],
    );
    return rows.map((row) => ({
      id: row.id,
      enabled: row.enabled,
      lastSuccessAt: row.last_success_at,
      lastPublishedAt: row.last_published_at,
      publishIntervalMs: row.publish_interval_ms,
    }));
  }

  /**
   * Writes a poll's outcome and frees the lease, if `owner` still holds it: a replica whose lease
   * ran out while it polled must not overwrite what the new holder writes. Returns whether it did.
   */
  async recordPoll(id: string, owner: string, poll: PollOutcome): Promise<boolean> {
    const failed = poll.outcome === 'failed';
    const result: Changed = await this.dataSource.query(
      `UPDATE sources SET
         last_polled_at = now(),
         last_outcome = $3,
         last_error = $4,
         etag = CASE WHEN $5::boolean THEN etag ELSE $6 END,
         last_modified = CASE WHEN $5::boolean THEN last_modified ELSE $7 END,
         next_poll_at = COALESCE($8::timestamptz, next_poll_at),
         enabled = $8::timestamptz IS NOT NULL,
         disabled_reason = $9,
         poll_interval_ms = $10,
         failure_streak = $11,
         items_published = items_published + $12,
         pages_refused = pages_refused + $13,
         last_refusal = COALESCE($14, last_refusal),
         last_success_at = CASE WHEN $5::boolean THEN last_success_at ELSE now() END,
         last_published_at = CASE WHEN $12 > 0 THEN now() ELSE last_published_at END,
         publish_interval_ms = CASE
           WHEN $12 = 0 OR last_published_at IS NULL THEN publish_interval_ms
           ELSE round(
             COALESCE(publish_interval_ms * (1 - ${PUBLISH_INTERVAL_WEIGHT}), 0)
             + EXTRACT(EPOCH FROM now() - last_published_at) * 1000
               * CASE WHEN publish_interval_ms IS NULL THEN 1 ELSE ${PUBLISH_INTERVAL_WEIGHT} END
           )::integer
         END,
         lease_owner = NULL,
         lease_until = NULL
       WHERE id = $1 AND lease_owner = $2
       RETURNING id`,
      [
        id,
        owner,
        poll.outcome,
        poll.error ?? null,
        failed,
        poll.etag ?? null,
        poll.lastModified ?? null,
        poll.nextPollAt,
        poll.disabledReason,
        poll.pollIntervalMs,
        poll.failureStreak,
        poll.published,
        poll.refused ?? 0,
        poll.lastRefusal ?? null,
      ],
    );
    return result[1] > 0;
  }
}
