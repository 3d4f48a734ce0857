import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from './kafka-broker';

/**
 * What the Grafana dashboard and the Prometheus alert rules in observability/ ask of the stages:
 * their queries, and the metric names and labels in each. Read by the observability spec (which
 * checks every name against running stages) and by tools/observability/panel-values (which
 * prints each panel's live value from a Prometheus).
 */

/** PromQL's functions, aggregations and keywords that our queries use, never metric names. */
const NOT_METRICS = new Set([
  'and',
  'or',
  'unless',
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'offset',
  'bool',
  'sum',
  'max',
  'min',
  'avg',
  'count',
  'topk',
  'bottomk',
  'quantile',
  'rate',
  'irate',
  'increase',
  'delta',
  'deriv',
  'histogram_quantile',
  'time',
  'absent',
  'clamp_min',
  'clamp_max',
  'abs',
  'round',
  'vector',
  'scalar',
  'changes',
  'resets',
  'predict_linear',
  'avg_over_time',
  'max_over_time',
  'min_over_time',
  'sum_over_time',
  'count_over_time',
  'last_over_time',
  'label_replace',
]);

/** The series names a query reads, and the labels it groups or matches by. */
export interface QueryNeeds {
  metrics: string[];
  labels: string[];
}

/**
 * Reads the metric names and label names out of a PromQL expression: label names inside `by
 * (...)`, `without (...)`, `on (...)` and the matchers of `{...}`; metric names are the other
 * identifiers that are not functions or keywords. Strings, durations (`[5m]`, `[10m:1m]`) and
 * numbers are skipped. Enough for the queries we write; not a full PromQL parser.
 */
export function queryNeeds(expr: string): QueryNeeds {
  const labels = new Set<string>();
  const metrics = new Set<string>();
  // Strings first, so nothing inside quotes counts.
  let rest = expr.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""');
  rest = rest.replace(/\[[^\]]*\]/g, ' ');
  rest = rest.replace(
    /\b(?:by|without|on|ignoring|group_left|group_right)\s*\(([^)]*)\)/g,
    (_, list: string) => {
      for (const name of list
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean))
        labels.add(name);
      return ' ';
    },
  );
  rest = rest.replace(/\{([^}]*)\}/g, (_, matchers: string) => {
    for (const m of matchers.matchAll(/([A-Za-z_][A-Za-z0-9_]*)\s*(?:=~|!~|!=|=)/g)) {
      if (m[1]) labels.add(m[1]);
    }
    return ' ';
  });
  for (const m of rest.matchAll(/[A-Za-z_:][A-Za-z0-9_:]*/g)) {
    const word = m[0];
    const before = rest[m.index - 1] ?? '';
    // A number's exponent or suffix (1e3, 0x1F) is not a name.
    if (/[0-9.]/.test(before)) continue;
    if (!NOT_METRICS.has(word)) metrics.add(word);
  }
  return { metrics: [...metrics].sort(), labels: [...labels].sort() };
}

export interface NamedQuery {
  /** The panel's title or the alert's name. */
  name: string;
  expr: string;
}

const OBSERVABILITY = resolve(REPO_ROOT, 'observability');

export const DASHBOARD_FILE = resolve(OBSERVABILITY, 'grafana/dashboards/newsflow.json');
export const ALERTS_FILE = resolve(OBSERVABILITY, 'prometheus/alerts.yml');

interface Dashboard {
  panels: { title: string; targets?: { expr: string }[] }[];
}

/** Each target of each panel of the dashboard, by panel title. */
export function dashboardQueries(file = DASHBOARD_FILE): NamedQuery[] {
  const dashboard = JSON.parse(readFileSync(file, 'utf8')) as Dashboard;
  return dashboard.panels.flatMap((panel) =>
    (panel.targets ?? []).map((target) => ({ name: panel.title, expr: target.expr })),
  );
}

interface RuleFile {
  groups: { name: string; rules: { alert?: string; record?: string; expr: string }[] }[];
}

/** Each rule of the alert rules file, by alert (or recording rule) name. */
export function alertQueries(file = ALERTS_FILE): NamedQuery[] {
  const rules = parse(readFileSync(file, 'utf8')) as RuleFile;
  return rules.groups.flatMap((group) =>
    group.rules.map((rule) => ({ name: rule.alert ?? rule.record ?? '?', expr: rule.expr })),
  );
}

/**
 * Series Prometheus makes itself for each target: not exposed by a stage, so not looked for on
 * its /metrics.
 */
export const PROMETHEUS_SERIES = new Set([
  'up',
  'scrape_duration_seconds',
  'scrape_samples_scraped',
]);

/** Labels Prometheus puts on every target's series (observability/prometheus/*.yml). */
export const TARGET_LABELS = new Set(['job', 'instance', 'service']);

interface VectorResult {
  metric: Record<string, string>;
  value: [number, string];
}

/** What Prometheus answers for an instant query, one line per series. */
export async function instantQuery(prometheus: string, expr: string): Promise<string[]> {
  const url = new URL('/api/v1/query', prometheus);
  url.searchParams.set('query', expr);
  const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  const body = (await response.json()) as {
    status: string;
    error?: string;
    data?: { resultType: string; result: VectorResult[] | [number, string] };
  };
  if (body.status !== 'success' || !body.data) {
    throw new Error(`Prometheus refused ${expr}: ${body.error ?? response.status}`);
  }
  if (body.data.resultType === 'scalar') {
    return [`${(body.data.result as [number, string])[1]}`];
  }
  return (body.data.result as VectorResult[]).map(({ metric, value }) => {
    const labels = Object.entries(metric)
      .map(([name, v]) => `${name}="${v}"`)
      .join(', ');
    return `{${labels}} ${value[1]}`;
  });
}
