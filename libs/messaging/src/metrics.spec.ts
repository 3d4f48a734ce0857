import { PipelineMetrics } from './metrics';

async function valuesOf(metrics: PipelineMetrics, name: string) {
  const metric = metrics.registry.getSingleMetric(name);
  return ((await metric?.get())?.values ?? []).map((v) => ({ labels: v.labels, value: v.value }));
}

describe(PipelineMetrics.name, () => {
  it('counts a known source from 0, so its first poll is an increase, and never resets it', async () => {
    const metrics = new PipelineMetrics();
    metrics.knowSource('feed-a');

    expect(await valuesOf(metrics, 'newsflow_source_pages_published_total')).toEqual([
      { labels: { source: 'feed-a' }, value: 0 },
    ]);
    expect(
      (await valuesOf(metrics, 'newsflow_source_polls_total')).map((v) => v.labels.outcome),
    ).toEqual(['ok', 'not-modified', 'failed']);
    expect(await valuesOf(metrics, 'newsflow_pages_refused_total')).toEqual([
      { labels: { source: 'feed-a', reason: 'too-large' }, value: 0 },
    ]);

    metrics.sourcePublished.inc({ source: 'feed-a' }, 20);
    metrics.knowSource('feed-a');
    expect(await valuesOf(metrics, 'newsflow_source_pages_published_total')).toEqual([
      { labels: { source: 'feed-a' }, value: 20 },
    ]);
  });
});
