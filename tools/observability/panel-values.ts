/**
 * `npm run observability:panels [-- --prometheus http://127.0.0.1:9090]`: each dashboard panel's
 * query and what a running Prometheus answers for it now, one block per panel; and the state of
 * each alert rule. Exit 1 when a panel has no series (the dashboard would show "No data").
 *
 * Run it against a Prometheus scraping the stages, e.g. `npm start`'s stack with Debian's
 * Prometheus and observability/prometheus/local.yml (see the README's Operations section).
 */
import { parseArgs } from 'node:util';
import { dashboardQueries, instantQuery } from '@newsflow/testing';

export interface PanelValue {
  panel: string;
  expr: string;
  /** One line per series: its labels and value. */
  series: string[];
}

/** Every panel of the dashboard with its live series. */
export async function panelValues(prometheus: string): Promise<PanelValue[]> {
  const values: PanelValue[] = [];
  for (const { name, expr } of dashboardQueries()) {
    values.push({ panel: name, expr, series: await instantQuery(prometheus, expr) });
  }
  return values;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { prometheus: { type: 'string', default: 'http://127.0.0.1:9090' } },
  });
  const prometheus = values.prometheus ?? 'http://127.0.0.1:9090';
  const panels = await panelValues(prometheus);
  let empty = 0;
  for (const { panel, expr, series } of panels) {
    process.stdout.write(`\n## ${panel}\n${expr}\n`);
    if (series.length === 0) empty += 1;
    for (const line of series.length > 0 ? series : ['(no series)']) {
      process.stdout.write(`  ${line}\n`);
    }
  }
  const alerts = (await (await fetch(new URL('/api/v1/rules?type=alert', prometheus))).json()) as {
    data: { groups: { rules: { name: string; state: string }[] }[] };
  };
  process.stdout.write('\n## Alert rules\n');
  for (const rule of alerts.data.groups.flatMap((g) => g.rules)) {
    process.stdout.write(`  ${rule.name}: ${rule.state}\n`);
  }
  process.stdout.write(`\n${panels.length - empty} of ${panels.length} panels have series\n`);
  return empty === 0 ? 0 : 1;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(
        `panel-values: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      process.exit(1);
    },
  );
}
