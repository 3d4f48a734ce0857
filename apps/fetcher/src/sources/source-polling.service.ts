import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { Inject, Injectable } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Topic } from '@newsflow/contracts';
import { HoldingPublisher, PipelineMetrics } from '@newsflow/messaging';
import { DependencyUnavailableError, LOGGER, errorMessage } from '@newsflow/runtime';
import type { Logger } from '@newsflow/runtime';
import { FetchedPagesRepository, SourcesRepository } from '@newsflow/persistence';
import type { SourceEntity } from '@newsflow/persistence';
import { FetchError, WarcSource, WebSource, reasonOf } from '@newsflow/fetching';
import type {
  ArticleSource,
  Manners,
  PageMemory,
  PublishPage,
  SourcePoll,
} from '@newsflow/fetching';
import { afterFailure, afterSuccess, readSourcesFile } from '@newsflow/sources';
import type { PollDecision, PollPolicy, PollState } from '@newsflow/sources';
import { PollingLoop } from '../polling-loop';
import { refusalCode, withGrace } from '../publishing';
import { WARC_READING, warcSourceOf } from './warc-reading';
import type { WarcReading } from './warc-reading';

export const POLLING_SETTINGS = Symbol('POLLING_SETTINGS');
export const MANNERS = Symbol('MANNERS');

export interface PollingSettings {
  /** How often due sources are looked for when nothing else wakes the loop. */
  tickMs: number;
  /** Poll each due source once, then let the process exit. */
  once: boolean;
  /** JSON file of sources to add at start, or '' for none. */
  sourcesFile: string;
  policy: PollPolicy;
  maxPagesPerPoll: number;
  /** Sources polled at the same time by this replica. */
  concurrency: number;
  leaseMs: number;
}

/**
 * Runs a step of ours (Kafka, Postgres), so that its failure is told apart from the source's:
 * it becomes a DependencyUnavailableError, and the poll is retried soon without counting
 * against the source.
 */
async function ours<T>(what: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    throw new DependencyUnavailableError(`${what} failed: ${errorMessage(error)}`, {
      cause: error,
    });
  }
}

/**
 * Polls the sources in Postgres: claims due ones under a lease (so replicas share the table
 * without polling a source twice at once), polls each as a WebSource (a `warc` source as a
 * WarcSource, a slice from its cursor), publishes new and updated pages, remembers them only
 * once published, and writes the source's next poll time from its adaptive interval or its
 * failure backoff. A source failing too often in a row is disabled with the reason; a malformed
 * feed fails its own source and nothing else.
 */
@Injectable()
export class SourcePollingService implements OnApplicationBootstrap, OnApplicationShutdown {
  /** This replica's name in `lease_owner`: host and pid for people, a random part for restarts. */
  readonly owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly memory: PageMemory;
  private readonly loop: PollingLoop;
  polls = 0;

  constructor(
    private readonly sources: SourcesRepository,
    private readonly pages: FetchedPagesRepository,
    @Inject(POLLING_SETTINGS) private readonly settings: PollingSettings,
    @Inject(MANNERS) private readonly manners: Manners,
    @Inject(WARC_READING) private readonly warc: WarcReading,
    private readonly holding: HoldingPublisher,
    private readonly metrics: PipelineMetrics,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.loop = new PollingLoop(settings.tickMs);
    this.memory = {
      byUrl: (urls) => ours('reading fetched pages', () => pages.byUrl(urls)),
      byContentHash: (hashes) => ours('reading fetched pages', () => pages.byContentHash(hashes)),
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.settings.sourcesFile !== '') {
      const specs = readSourcesFile(await readFile(this.settings.sourcesFile, 'utf8'));
      const { added } = await this.sources.syncFromConfig(
        specs.map((spec) => ({ ...spec, origin: 'config' })),
      );
      this.logger.info(
        { file: this.settings.sourcesFile, sources: specs.length, added },
        'sources file read',
      );
    }
    this.loop.start(async () => {
      const free = this.settings.concurrency - this.inFlight.size;
      const claimed = free > 0 ? await this.claim(free) : [];
      for (const source of claimed) this.track(this.pollOne(source));
      const done = this.settings.once && claimed.length === 0 && this.inFlight.size === 0;
      return done ? 'done' : 'again';
    });
  }

  /** Resolves when a `once` run has polled every due source. */
  finished(): Promise<void> {
    return this.loop.finished();
  }

  /**
   * No source is claimed after this; the polls in progress finish and record their outcome. A
   * poll still waiting on Kafka after SHUTDOWN_GRACE_MS drops what it holds (its pages are not
   * remembered, so the next poll fetches them again) and ends.
   */
  async onApplicationShutdown(): Promise<void> {
    await this.loop.stop();
    await withGrace(Promise.all(this.inFlight), () => this.holding.stop());
  }

  private async claim(limit: number): Promise<SourceEntity[]> {
    try {
      return await this.sources.claimDue(this.owner, limit, this.settings.leaseMs);
    } catch (error) {
      this.logger.warn({ error: errorMessage(error) }, 'could not claim sources; will retry');
      return [];
    }
  }

  private track(poll: Promise<void>): void {
    this.inFlight.add(poll);
    void poll.finally(() => {
      this.inFlight.delete(poll);
      // A slot is free: look for due sources now rather than at the next tick.
      this.loop.wake();
    });
  }

  private async pollOne(source: SourceEntity): Promise<void> {
    const state: PollState = {
      intervalMs: source.pollIntervalMs ?? this.settings.policy.minIntervalMs,
      failureStreak: source.failureStreak,
      disabledReason: null,
    };
    const startedAt = Date.now();
    this.metrics.knowSource(source.id);
    const publish: PublishPage = (message) =>
      ours('publishing', () => this.holding.handOver(Topic.ArticleFetched, message.id, message));
    try {
      const reader = await this.readerOf(source);
      const poll = await reader.poll(publish);
      await this.remember(source, poll);
      if (poll.kind === 'polled' && poll.dropped > 0) {
        throw new DependencyUnavailableError(
          `publishing stopped with ${poll.dropped} pages not sent`,
        );
      }
      const published = poll.kind === 'polled' ? poll.published : 0;
      this.metrics.sourcePublished.inc({ source: source.id }, published);
      this.metrics.sourcePolls.inc({
        source: source.id,
        outcome: poll.kind === 'polled' ? 'ok' : 'not-modified',
      });
      const decision = this.nextPoll(reader, state, poll, published);
      const refused = poll.kind === 'polled' ? poll.refused : [];
      const lastRefused = refused[refused.length - 1];
      await this.record(source, decision, {
        outcome: poll.kind === 'polled' ? 'ok' : 'not-modified',
        etag: poll.kind === 'polled' ? poll.etag : source.etag,
        lastModified: poll.kind === 'polled' ? poll.lastModified : source.lastModified,
        published,
        refused: refused.length,
        lastRefusal: lastRefused ? `${lastRefused.url}: ${lastRefused.reason}` : null,
      });
      this.logger.info(
        {
          source: source.id,
          url: source.url,
          outcome: poll.kind,
          listed: poll.kind === 'polled' ? poll.listed : 0,
          published,
          refused,
          // An archive counts what is not a page by reason; a web source lists skipped URLs.
          skipped:
            reader instanceof WarcSource
              ? reader.report.skipped
              : poll.kind === 'polled'
                ? poll.skipped
                : [],
          nextPollInMs: decision.delayMs,
          ms: Date.now() - startedAt,
        },
        'source polled',
      );
    } catch (error) {
      await this.failed(source, state, error);
    } finally {
      this.polls += 1;
    }
  }

  /** The source as it is read: a web archive from its cursor, or a page or listing on the web. */
  private async readerOf(source: SourceEntity): Promise<ArticleSource> {
    const maxRecords = this.settings.maxPagesPerPoll;
    if (source.kind === 'warc')
      return warcSourceOf(source, this.owner, this.sources, { ...this.warc, maxRecords });
    return new WebSource({ ...source, kind: source.kind }, this.manners, this.memory, maxRecords);
  }

  /**
   * When the source is polled next: by its adaptive interval, except an archive that read a full
   * slice, which has more to read and is due again at once (behind the sources due before it,
   * so a long archive takes turns with them). A finished archive, or one that ends inside a
   * record (a download still growing), waits its interval like any source.
   */
  private nextPoll(
    reader: ArticleSource,
    state: PollState,
    poll: SourcePoll,
    published: number,
  ): PollDecision {
    const decision = afterSuccess(state, this.settings.policy, published);
    const more =
      reader instanceof WarcSource &&
      poll.kind === 'polled' &&
      poll.listed >= this.settings.maxPagesPerPoll;
    return more ? { ...decision, delayMs: 0 } : decision;
  }

  /**
   * Remembers the pages published, refused or already held, once their fate is known: a page
   * published but not remembered (Postgres failed here) goes out again next poll, which the
   * store's upsert makes harmless. Refusals are counted by reason.
   */
  private async remember(source: SourceEntity, poll: SourcePoll): Promise<void> {
    if (poll.kind !== 'polled') return;
    for (const page of poll.refused) {
      this.metrics.refused.inc({ source: source.id, reason: refusalCode(page.reason) });
    }
    await ours('remembering pages', () =>
      this.pages.record(poll.records.map((record) => ({ ...record, sourceId: source.id }))),
    );
  }

  private async failed(source: SourceEntity, state: PollState, error: unknown): Promise<void> {
    const reason = reasonOf(error);
    this.metrics.sourcePolls.inc({ source: source.id, outcome: 'failed' });
    // Kafka or Postgres trouble is not the source's fault: try again soon, streak untouched.
    const decision: PollDecision =
      error instanceof DependencyUnavailableError
        ? { state, delayMs: this.settings.policy.failureBackoffMs }
        : afterFailure(state, this.settings.policy, {
            reason,
            ...(error instanceof FetchError && error.retryAfterMs !== undefined
              ? { retryAfterMs: error.retryAfterMs }
              : {}),
          });
    this.logger.warn(
      {
        source: source.id,
        url: source.url,
        error: reason,
        failureStreak: decision.state.failureStreak,
        retryInMs: decision.delayMs,
        disabled: decision.state.disabledReason,
      },
      decision.state.disabledReason ? 'source disabled' : 'source poll failed; will retry',
    );
    try {
      await this.record(source, decision, { outcome: 'failed', error: reason, published: 0 });
    } catch (recordError) {
      // The lease runs out and the source is polled again: nothing is lost.
      this.logger.error(
        { source: source.id, error: errorMessage(recordError) },
        'could not record the poll; the lease will expire',
      );
    }
  }

  private async record(
    source: SourceEntity,
    decision: PollDecision,
    outcome: {
      outcome: 'ok' | 'not-modified' | 'failed';
      etag?: string | null;
      lastModified?: string | null;
      error?: string;
      published: number;
      refused?: number;
      lastRefusal?: string | null;
    },
  ): Promise<void> {
    const kept = await this.sources.recordPoll(source.id, this.owner, {
      ...outcome,
      nextPollAt: decision.delayMs === null ? null : new Date(Date.now() + decision.delayMs),
      pollIntervalMs: decision.state.intervalMs,
      failureStreak: decision.state.failureStreak,
      disabledReason: decision.state.disabledReason,
    });
    if (!kept) {
      this.logger.warn(
        { source: source.id, leaseMs: this.settings.leaseMs },
        'lease ran out during the poll; another replica holds the source now',
      );
    }
  }
}
