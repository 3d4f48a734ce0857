import { Inject, Injectable } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Topic } from '@newsflow/contracts';
import type { ArticleFetchedV1 } from '@newsflow/contracts';
import { EventPublisher, MESSAGING_LOGGER, errorMessage } from '@newsflow/messaging';
import type { MessagingLogger } from '@newsflow/messaging';
import { pollAndPublish } from '@newsflow/sources';
import type { ArticleSource } from '@newsflow/sources';
import { PollingLoop } from '../polling-loop';

export const ARTICLE_SOURCES = Symbol('ARTICLE_SOURCES');
export const INGESTION_SETTINGS = Symbol('INGESTION_SETTINGS');

export interface IngestionSettings {
  pollMs: number;
  /** Ingest each source once, then let the process exit. */
  once: boolean;
}

/**
 * Polls every source on an interval and publishes what is new, keyed by article id. A failed
 * publish is logged and the same documents are offered again on the next poll.
 */
@Injectable()
export class FolderIngestionService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly loop: PollingLoop;
  published = 0;

  constructor(
    @Inject(ARTICLE_SOURCES) private readonly sources: ArticleSource[],
    @Inject(INGESTION_SETTINGS) private readonly settings: IngestionSettings,
    @Inject(EventPublisher) private readonly publisher: EventPublisher,
    @Inject(MESSAGING_LOGGER) private readonly logger: MessagingLogger,
  ) {
    this.loop = new PollingLoop(settings.pollMs);
  }

  onApplicationBootstrap(): void {
    this.loop.start(async () => {
      const failures = await this.pollAll();
      return this.settings.once && failures === 0 ? 'done' : 'again';
    });
  }

  /** Resolves when a `once` run has published everything. */
  finished(): Promise<void> {
    return this.loop.finished();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.loop.stop();
  }

  private async pollAll(): Promise<number> {
    let failures = 0;
    for (const source of this.sources) {
      try {
        const documents = await pollAndPublish(source, (docs) => this.publish(docs));
        if (documents.length > 0) {
          this.published += documents.length;
          this.logger.info(
            { source: source.ref.id, count: documents.length, ids: documents.map((d) => d.id) },
            'documents published',
          );
        }
      } catch (error) {
        failures += 1;
        this.logger.error(
          { source: source.ref.id, error: errorMessage(error) },
          'poll failed; will retry',
        );
      }
    }
    return failures;
  }

  private publish(documents: ArticleFetchedV1[]): Promise<void> {
    return this.publisher.publishMany(
      Topic.ArticleFetched,
      documents.map((document) => ({ key: document.id, value: document })),
    );
  }
}
