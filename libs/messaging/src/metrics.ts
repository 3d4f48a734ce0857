import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The Prometheus metrics every stage exposes on /metrics: messages in, out, failed, processing
 * time and consumer lag, labelled by stage and topic.
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
      help: 'Retries after a failed attempt or while a dependency was down',
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
  }
}
