import { Inject, Injectable } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Topic } from '@newsflow/contracts';
import type { ArticleSource } from '@newsflow/fetching';
import { HoldingPublisher, PipelineMetrics } from '@newsflow/messaging';
import { LOGGER, errorMessage } from '@newsflow/runtime';
import type { Logger } from '@newsflow/runtime';
import { PollingLoop } from '../polling-loop';
import { refusalCode, withGrace } from '../publishing';

export const ARTICLE_SOURCES = Symbol('ARTICLE_SOURCES');
export const INGESTION_SETTINGS = Symbol('INGESTION_SETTINGS');

export interface IngestionSettings {
  pollMs: number;
  /** Ingest each source once, then let the process exit. */
  once: boolean;
}

/**
 * Polls every folder on an interval and publishes what is new, keyed by article id, a file at a
 * time: each page goes out as it is read, held and sent again while Kafka is away. A file too
 * large to carry is logged and counted, and not read again until it changes; a file whose
 * publish did not finish is offered again on the next poll.
 */
@Injectable()
export class FolderIngestionService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly loop: PollingLoop;
  published = 0;

  constructor(
    @Inject(ARTICLE_SOURCES) private readonly sources: ArticleSource[],
    @Inject(INGESTION_SETTINGS) private readonly settings: IngestionSettings,
    private readonly holding: HoldingPublisher,
    private readonly metrics: PipelineMetrics,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.loop = new PollingLoop(settings.pollMs);
  }

  onApplicationBootstrap(): void {
    for (const source of this.sources) this.metrics.knowSource(source.id);
    this.loop.start(async () => {
      const unfinished = await this.pollAll();
      return this.settings.once && unfinished === 0 ? 'done' : 'again';
    });
  }

  /** Resolves when a `once` run has published everything. */
  finished(): Promise<void> {
    return this.loop.finished();
  }

  async onApplicationShutdown(): Promise<void> {
    await withGrace(this.loop.stop(), () => this.holding.stop());
  }

  /** Returns how many sources did not finish (failed, or left pages unsent). */
  private async pollAll(): Promise<number> {
    let unfinished = 0;
    for (const source of this.sources) {
      try {
        const poll = await source.poll((document) =>
          this.holding.handOver(Topic.ArticleFetched, document.id, document),
        );
        const published = poll.kind === 'polled' ? poll.published : 0;
        this.published += published;
        const labels = { source: source.id };
        this.metrics.sourcePolls.inc({ ...labels, outcome: 'ok' });
        this.metrics.sourcePublished.inc(labels, published);
        // A folder is not in the sources table: its health gauges are this replica's own.
        this.metrics.sourceLastSuccess.set(labels, Date.now() / 1000);
        if (published > 0) this.metrics.sourceLastPublish.set(labels, Date.now() / 1000);
        for (const { url, reason } of poll.kind === 'polled' ? poll.refused : []) {
          this.metrics.refused.inc({ source: source.id, reason: refusalCode(reason) });
          this.logger.warn({ source: source.id, file: url, reason }, 'file refused');
        }
        if (published > 0) {
          this.logger.info({ source: source.id, count: published }, 'documents published');
        }
        if (poll.kind === 'polled' && poll.dropped > 0) unfinished += 1;
      } catch (error) {
        unfinished += 1;
        this.metrics.sourcePolls.inc({ source: source.id, outcome: 'failed' });
        this.logger.error(
          { source: source.id, error: errorMessage(error) },
          'poll failed; will retry',
        );
      }
    }
    return unfinished;
  }
}
