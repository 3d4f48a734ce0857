import { Inject, Injectable } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PipelineMetrics } from '@newsflow/messaging';
import { LOGGER, errorMessage } from '@newsflow/runtime';
import type { Logger } from '@newsflow/runtime';
import { SourcesRepository } from '@newsflow/persistence';
import { inCollectionGap } from '@newsflow/sources';

/** How often the sources' health is read from Postgres into the gauges: a Prometheus scrape's pace. */
export const SOURCE_HEALTH_REFRESH_MS = 15_000;

/**
 * The most sources reported, one series each per gauge: past this a fetcher with thousands of
 * sources would make every scrape large. The sources table, `newsctl sources list` and the
 * counters (labelled by the sources polled) still cover them all.
 */
export const MAX_SOURCES_IN_METRICS = 1_000;

/**
 * Each source's health as gauges (last success, last publish, usual interval, collection gap,
 * enabled), read from the sources table rather than from this replica's own polls: with several
 * fetchers, any one of them reports every source the same way, and a gap is seen even when the
 * replica that last polled the source is gone.
 */
@Injectable()
export class SourceHealthMetrics implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private reported = new Set<string>();

  constructor(
    private readonly sources: SourcesRepository,
    private readonly metrics: PipelineMetrics,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    void this.refresh();
    this.timer = setInterval(() => void this.refresh(), SOURCE_HEALTH_REFRESH_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Reads the table and sets the gauges; a source removed since the last read loses its series. */
  async refresh(now = new Date()): Promise<void> {
    let rows;
    try {
      rows = await this.sources.health(MAX_SOURCES_IN_METRICS);
    } catch (error) {
      // The gauges keep their last values; the next refresh tries again.
      this.logger.warn({ error: errorMessage(error) }, 'could not read the sources for metrics');
      return;
    }
    const m = this.metrics;
    const seen = new Set<string>();
    for (const row of rows) {
      const labels = { source: row.id };
      seen.add(row.id);
      m.knowSource(row.id);
      m.sourceEnabled.set(labels, row.enabled ? 1 : 0);
      m.sourceCollectionGap.set(labels, inCollectionGap(row, now) ? 1 : 0);
      if (row.lastSuccessAt) m.sourceLastSuccess.set(labels, row.lastSuccessAt.getTime() / 1000);
      if (row.lastPublishedAt) {
        m.sourceLastPublish.set(labels, row.lastPublishedAt.getTime() / 1000);
      }
      if (row.publishIntervalMs !== null) {
        m.sourceUsualInterval.set(labels, row.publishIntervalMs / 1000);
      }
    }
    for (const id of this.reported) {
      if (seen.has(id)) continue;
      for (const gauge of [
        m.sourceEnabled,
        m.sourceCollectionGap,
        m.sourceLastSuccess,
        m.sourceLastPublish,
        m.sourceUsualInterval,
      ]) {
        gauge.remove({ source: id });
      }
    }
    this.reported = seen;
  }
}
