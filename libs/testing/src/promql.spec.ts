import { alertQueries, dashboardQueries, queryNeeds } from './promql';

describe(queryNeeds.name, () => {
  it('tells metric names from functions, grouping labels, matchers, strings and ranges', () => {
    expect(
      queryNeeds(
        'histogram_quantile(0.95, sum by (stage, le) (rate(newsflow_handle_duration_seconds_bucket{topic="articles.fetched"}[5m])))',
      ),
    ).toEqual({
      metrics: ['newsflow_handle_duration_seconds_bucket'],
      labels: ['le', 'stage', 'topic'],
    });
  });

  it('reads both sides of a binary operator and a subquery', () => {
    expect(
      queryNeeds(
        'sum by (group) (max by (group, partition) (newsflow_consumer_group_lag)) > 100 and deriv((sum by (group) (newsflow_consumer_group_lag))[10m:1m]) > 0',
      ),
    ).toEqual({ metrics: ['newsflow_consumer_group_lag'], labels: ['group', 'partition'] });
    expect(queryNeeds('sum(rate(a_total[15m])) / sum(rate(b_total[15m])) > 0.05').metrics).toEqual([
      'a_total',
      'b_total',
    ]);
  });

  it('does not take a label value or a number for a metric', () => {
    expect(queryNeeds('up{job="newsflow", service=~"par.*"} == 0 * 1e3')).toEqual({
      metrics: ['up'],
      labels: ['job', 'service'],
    });
  });
});

describe('the dashboard and the alert rules', () => {
  it('each query reads at least one metric', () => {
    const queries = [...dashboardQueries(), ...alertQueries()];
    expect(queries.length).toBeGreaterThan(10);
    for (const { name, expr } of queries) {
      expect([name, queryNeeds(expr).metrics.length > 0]).toEqual([name, true]);
    }
  });
});
