import { Inject, Injectable } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Topic } from '@newsflow/contracts';
import { HoldingPublisher, PipelineMetrics } from '@newsflow/messaging';
import { LOGGER, errorMessage } from '@newsflow/runtime';
import type { Logger } from '@newsflow/runtime';
import { pollAndPublish } from '@newsflow/sources';
import type { ArticleSource } from '@newsflow/sources';
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
    for (const source of this.sources) this.metrics.knowSource(source.ref.id);
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
        const report = await pollAndPublish(source, (document) =>
          this.holding.handOver(Topic.ArticleFetched, document.id, document),
        );
        this.published += report.published.length;
        const labels = { source: source.ref.id };
        this.metrics.sourcePolls.inc({ ...labels, outcome: 'ok' });
        this.metrics.sourcePublished.inc(labels, report.published.length);
        // A folder is not in the sources table: its health gauges are this replica's own.
        this.metrics.sourceLastSuccess.set(labels, Date.now() / 1000);
        if (report.published.length > 0)
          this.metrics.sourceLastPublish.set(labels, Date.now() / 1000);
        for (const { key, reason } of report.refused) {
          this.metrics.refused.inc({ source: source.ref.id, reason: refusalCode(reason) });
          this.logger.warn({ source: source.ref.id, file: key, reason }, 'file refused');
        }
        if (report.published.length > 0) {
          this.logger.info(
            { source: source.ref.id, count: report.published.length },
            'documents published',
          );
        }
        if (report.dropped > 0) unfinished += 1;
      } catch (error) {
        unfinished += 1;
        this.metrics.sourcePolls.inc({ source: source.ref.id, outcome: 'failed' });
        this.logger.error(
          { source: source.ref.id, error: errorMessage(error) },
          'poll failed; will retry',
        );
      }
    }
    return unfinished;
  }
}
