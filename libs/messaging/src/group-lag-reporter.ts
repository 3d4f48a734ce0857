import type { Admin, Kafka } from 'kafkajs';
import { errorMessage } from '@newsflow/runtime';
import { readGroupLag } from './group-lag';
import type { Logger } from '@newsflow/runtime';
import type { PipelineMetrics } from './metrics';

/**
 * How often a stage reads its groups' lag from the broker: a Prometheus scrape's pace. Each read
 * is four small admin requests per group.
 */
export const GROUP_LAG_REFRESH_MS = 15_000;

/**
 * Sets `newsflow_consumer_group_lag{group,topic,partition}` for the stage's own consumer groups
 * from the broker's committed and end offsets, every GROUP_LAG_REFRESH_MS. Unlike the lag a
 * consumer sees in its last batch, this moves while the stage is stuck or has no partition at
 * all, which is what "lag growing" must catch. Every replica of a stage reports the same
 * figures: aggregate them with max. A failed read (broker away) keeps the last values.
 */
export class GroupLagReporter {
  private admin: Admin | undefined;
  private timer: NodeJS.Timeout | undefined;
  private reading: Promise<void> | undefined;

  constructor(
    private readonly kafka: Kafka,
    private readonly groupIds: readonly string[],
    private readonly metrics: PipelineMetrics,
    private readonly logger: Logger,
    private readonly refreshMs = GROUP_LAG_REFRESH_MS,
  ) {}

  start(): void {
    if (this.groupIds.length === 0) return;
    const read = () => {
      // One read at a time: a slow broker does not pile them up.
      this.reading ??= this.refresh().finally(() => (this.reading = undefined));
    };
    read();
    this.timer = setInterval(read, this.refreshMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.reading?.catch(() => undefined);
    await this.admin?.disconnect().catch(() => undefined);
  }

  /** One read of every group's lag into the gauge. */
  async refresh(): Promise<void> {
    try {
      if (!this.admin) {
        const admin = this.kafka.admin();
        await admin.connect();
        this.admin = admin;
      }
      for (const group of await readGroupLag(this.admin, [...this.groupIds])) {
        for (const { topic, partition, lag } of group.partitions) {
          this.metrics.groupLag.set(
            { group: group.groupId, topic, partition: String(partition) },
            lag,
          );
        }
      }
    } catch (error) {
      this.logger.debug(
        { error: errorMessage(error) },
        'could not read the groups’ lag; will retry',
      );
    }
  }
}
