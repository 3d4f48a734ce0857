import { PipelineMetrics } from '@newsflow/messaging';
import { jsonLogger } from '@newsflow/runtime';
import { SourcesRepository, connectMigrated } from '@newsflow/persistence';
import { COLLECTION_GAP_FACTOR } from '@newsflow/sources';
import { createTempDatabase } from '@newsflow/testing';
import type { TempDatabase } from '@newsflow/testing';
import type { DataSource } from 'typeorm';
import { SourceHealthMetrics } from '../src/sources/source-health.metrics';

/** The gauge's value for one source, or undefined when it has no series. */
async function valueOf(metrics: PipelineMetrics, name: string, source: string) {
  const metric = metrics.registry.getSingleMetric(name);
  const { values } = (await metric?.get()) ?? { values: [] };
  return values.find((v) => v.labels.source === source)?.value;
}

describe(SourceHealthMetrics.name, () => {
  let database: TempDatabase;
  let dataSource: DataSource;
  let sources: SourcesRepository;

  beforeAll(async () => {
    database = await createTempDatabase();
    dataSource = await connectMigrated(database.url);
    sources = new SourcesRepository(dataSource);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('reports each source from the table: enabled, last publish, usual interval, and a gap once silent too long', async () => {
    const add = (id: string) =>
      sources.add({
        id,
        url: `https://${id}.example/feed.xml`,
        kind: 'feed',
        name: id,
        origin: 'cli',
      });
    await add('steady');
    await add('stopped');
    await add('new');
    await sources.setEnabled('stopped', false, 'operator said so');
    // Steady last published 10 minutes ago and usually publishes every 4.
    await dataSource.query(
      `UPDATE sources SET last_published_at = now() - interval '10 minutes',
              last_success_at = now() - interval '1 minute', publish_interval_ms = 240000
        WHERE id IN ('steady', 'stopped')`,
    );
    const metrics = new PipelineMetrics();
    const health = new SourceHealthMetrics(sources, metrics, jsonLogger('test', 'error'));

    await health.refresh();
    const gap = (id: string) => valueOf(metrics, 'newsflow_source_collection_gap', id);
    // 10 minutes is 2.5 usual intervals: not yet a gap.
    expect(COLLECTION_GAP_FACTOR).toBe(3);
    expect(await gap('steady')).toBe(0);
    expect(await valueOf(metrics, 'newsflow_source_enabled', 'stopped')).toBe(0);
    expect(await valueOf(metrics, 'newsflow_source_enabled', 'steady')).toBe(1);
    expect(await valueOf(metrics, 'newsflow_source_usual_publish_interval_seconds', 'steady')).toBe(
      240,
    );
    const lastPublish = await valueOf(
      metrics,
      'newsflow_source_last_publish_timestamp_seconds',
      'steady',
    );
    expect(Date.now() / 1000 - (lastPublish ?? 0)).toBeGreaterThan(599);
    expect(
      await valueOf(metrics, 'newsflow_source_last_publish_timestamp_seconds', 'new'),
    ).toBeUndefined();

    // Three minutes on, 13 minutes is past 3 x 4: a gap. A disabled source is never one.
    await health.refresh(new Date(Date.now() + 3 * 60_000));
    expect(await gap('steady')).toBe(1);
    expect(await gap('stopped')).toBe(0);
    expect(await gap('new')).toBe(0);

    // A removed source loses its series.
    await sources.remove('steady');
    await health.refresh();
    expect(await gap('steady')).toBeUndefined();
    expect(await valueOf(metrics, 'newsflow_source_enabled', 'steady')).toBeUndefined();
    expect(await valueOf(metrics, 'newsflow_source_enabled', 'new')).toBe(1);
  });
});
