import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The Prometheus metrics every stage exposes on /metrics: messages in, out, failed, processing
 * time, retries, dependency waits and consumer lag, labelled by stage and topic; and, on the
 * fetcher, each source's polls, pages and health (collection gap, disabled). The Grafana
 * dashboard and the alert rules in deploy/observability read these names; a spec
 * (tests/e2e/observability.e2e-spec.ts) checks every name they use against running stages.
 */
export class PipelineMetrics {
  readonly registry: Registry;
  readonly consumed: Counter<'stage' | 'topic'>;
  readonly handled: Counter<'stage' | 'topic'>;
  readonly deadLettered: Counter<'stage' | 'topic' | 'code'>;
  readonly retries: Counter<'stage' | 'topic'>;
  readonly published: Counter<'topic'>;
  readonly publishedBytes: Counter<'topic'>;
  readonly refused: Counter<'source' | 'reason'>;
  readonly handleSeconds: Histogram<'stage' | 'topic'>;
  readonly lag: Gauge<'stage' | 'topic' | 'partition'>;
  readonly groupLag: Gauge<'group' | 'topic' | 'partition'>;
  readonly dependencyWaits: Counter<'stage' | 'topic'>;
  readonly dependencyWaitSeconds: Counter<'stage' | 'topic'>;
  readonly sourcePolls: Counter<'source' | 'outcome'>;
  readonly sourcePublished: Counter<'source'>;
  readonly sourceLastSuccess: Gauge<'source'>;
  readonly sourceLastPublish: Gauge<'source'>;
  readonly sourceUsualInterval: Gauge<'source'>;
  readonly sourceCollectionGap: Gauge<'source'>;
  readonly sourceEnabled: Gauge<'source'>;

  /**
   * Sets a source's counters at 0 if they have no value yet, so that Prometheus sees its first
   * poll's pages as an increase (a series born at 20 counts as 20 from the start, not as 20
   * more), and a rate over them is 0 rather than "no data".
   */
  knowSource(source: string): void {
    for (const outcome of ['ok', 'not-modified', 'failed']) {
      this.sourcePolls.inc({ source, outcome }, 0);
    }
    this.sourcePublished.inc({ source }, 0);
    this.refused.inc({ source, reason: 'too-large' }, 0);
  }

  constructor(options: { defaultMetrics?: boolean } = {}) {
    this.registry = new Registry();
    const registers = [this.registry];
    if (options.defaultMetrics) {
      // The event-loop delay is sampled every 100 ms, not every 10 ms (prom-client's default):
      // the sampling timer alone kept an idle stage's CPU at several tenths of a percent.
      collectDefaultMetrics({
        register: this.registry,
        prefix: 'newsflow_',
        eventLoopMonitoringPrecision: 100,
      });
    }
    this.consumed = new Counter({
      name: 'newsflow_messages_consumed_total',
      help: 'Messages read from Kafka',
      labelNames: ['stage', 'topic'],
      registers,
    });
    this.handled = new Counter({
      name: 'newsflow_messages_handled_total',
      help: 'Messages the stage handled successfully',
      labelNames: ['stage', 'topic'],
      registers,
    });
    this.deadLettered = new Counter({
      name: 'newsflow_messages_dead_lettered_total',
      help: 'Messages sent to the dead-letter topic, by error code',
      labelNames: ['stage', 'topic', 'code'],
      registers,
    });
    this.retries = new Counter({
      name: 'newsflow_handler_retries_total',
      help: 'Attempts again after the handler failed (dependency waits are counted apart)',
      labelNames: ['stage', 'topic'],
      registers,
    });
    this.published = new Counter({
      name: 'newsflow_messages_published_total',
      help: 'Messages produced to Kafka',
      labelNames: ['topic'],
      registers,
    });
    this.publishedBytes = new Counter({
      name: 'newsflow_published_value_bytes_total',
      help: 'Bytes of message values produced to Kafka, before compression',
      labelNames: ['topic'],
      registers,
    });
    this.refused = new Counter({
      name: 'newsflow_pages_refused_total',
      help: 'Pages the fetcher had but could not publish (too large for the topic, say), by source',
      labelNames: ['source', 'reason'],
      registers,
    });
    this.handleSeconds = new Histogram({
      name: 'newsflow_handle_duration_seconds',
      help: 'Time the stage handler took per message or batch',
      labelNames: ['stage', 'topic'],
      buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30],
      registers,
    });
    this.lag = new Gauge({
      name: 'newsflow_consumer_lag',
      help: 'Messages between the batch just read and the end of the partition',
      labelNames: ['stage', 'topic', 'partition'],
      registers,
    });
    this.groupLag = new Gauge({
      name: 'newsflow_consumer_group_lag',
      help: "Messages between the group's committed offset and the end of the partition, read from the broker every 15 s (every replica reports the same: aggregate with max)",
      labelNames: ['group', 'topic', 'partition'],
      registers,
    });
    this.dependencyWaits = new Counter({
      name: 'newsflow_dependency_waits_total',
      help: 'Pauses because Kafka or Postgres was unavailable, the message kept',
      labelNames: ['stage', 'topic'],
      registers,
    });
    this.dependencyWaitSeconds = new Counter({
      name: 'newsflow_dependency_wait_seconds_total',
      help: 'Seconds spent paused for an unavailable dependency',
      labelNames: ['stage', 'topic'],
      registers,
    });
    this.sourcePolls = new Counter({
      name: 'newsflow_source_polls_total',
      help: 'Polls of a source by this fetcher, by outcome (ok, not-modified, failed)',
      labelNames: ['source', 'outcome'],
      registers,
    });
    this.sourcePublished = new Counter({
      name: 'newsflow_source_pages_published_total',
      help: 'Pages this fetcher published from a source',
      labelNames: ['source'],
      registers,
    });
    // The gauges below are read from the sources table, so every fetcher replica reports the
    // same value for a source: aggregate them with max, not sum.
    this.sourceLastSuccess = new Gauge({
      name: 'newsflow_source_last_success_timestamp_seconds',
      help: 'When a poll of the source last succeeded (Unix seconds)',
      labelNames: ['source'],
      registers,
    });
    this.sourceLastPublish = new Gauge({
      name: 'newsflow_source_last_publish_timestamp_seconds',
      help: 'When a poll of the source last published a page (Unix seconds)',
      labelNames: ['source'],
      registers,
    });
    this.sourceUsualInterval = new Gauge({
      name: 'newsflow_source_usual_publish_interval_seconds',
      help: 'The usual time between polls of the source that publish (a moving average)',
      labelNames: ['source'],
      registers,
    });
    this.sourceCollectionGap = new Gauge({
      name: 'newsflow_source_collection_gap',
      help: '1 when an enabled source has published nothing for 3 times its usual interval',
      labelNames: ['source'],
      registers,
    });
    this.sourceEnabled = new Gauge({
      name: 'newsflow_source_enabled',
      help: '1 while the source is polled, 0 once disabled (by an operator or after failures)',
      labelNames: ['source'],
      registers,
    });
  }
}
