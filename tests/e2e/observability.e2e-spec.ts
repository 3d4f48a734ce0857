import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Topic } from '@newsflow/contracts';
import { createKafka, ensureTopics } from '@newsflow/messaging';
import { jsonLogger } from '@newsflow/runtime';
import { SourcesRepository, createDataSource } from '@newsflow/persistence';
import { sourceSpec } from '@newsflow/sources';
import {
  ALERTS_FILE,
  DASHBOARD_FILE,
  FeedServer,
  PROMETHEUS_SERIES,
  REPO_ROOT,
  TARGET_LABELS,
  alertQueries,
  dashboardQueries,
  instantQuery,
  queryNeeds,
  scrapeMetrics,
  createTempDatabase,
  newsPages,
  stagePorts,
  startGroupsAtTheEnd,
  startStages,
  stopStages,
  waitFor,
} from '@newsflow/testing';
import type { MetricSample, RunningService, Stage, TempDatabase } from '@newsflow/testing';
import type { DataSource } from 'typeorm';
import { parse } from 'yaml';

const PORTS = stagePorts(18001);
const PROMETHEUS_PORT = 19490;
/** Below the largest fixture page (1.49 MB), above the ones the feed and the folder carry. */
const FETCH_MAX_BYTES = 1_000_000;

async function scrapeAll(): Promise<MetricSample[]> {
  const all = await Promise.all(Object.values(PORTS).map((port) => scrapeMetrics(port)));
  return all.flat();
}

function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

/**
 * The Grafana dashboard and the Prometheus alert rules (observability/) against the four stages
 * running as processes over the real broker and Postgres, with real pages flowing from a feed
 * and a folder, one page refused as too large and one poison message dead-lettered: every
 * series they read must exist, and a real Prometheus (Debian's, when installed) must answer
 * every panel.
 */
describe('observability: the dashboard and the alert rules on running stages', () => {
  const pages = newsPages();
  let database: TempDatabase;
  let inbox: string;
  let feed: FeedServer;
  let services = new Map<Stage, RunningService>();
  let dataSource: DataSource;
  let feedSourceId = '';
  let samples: MetricSample[] = [];

  beforeAll(async () => {
    database = await createTempDatabase();
    inbox = await mkdtemp(join(tmpdir(), 'newsflow-observability-'));
    const small = pages.slice(0, 5);
    const largest = pages[pages.length - 1];
    if (!largest || Buffer.byteLength(largest.html) <= FETCH_MAX_BYTES) {
      throw new Error(`the largest fixture page must be over ${FETCH_MAX_BYTES} bytes`);
    }
    feed = await FeedServer.start(
      small
        .slice(0, 3)
        .map((page, i) => ({ path: `/news/${i}.html`, html: page.html, title: `Story ${i}` })),
    );
    const env = {
      ...process.env,
      DATABASE_URL: database.url,
      FETCHER_FOLDERS: inbox,
      FETCHER_POLL_MS: '200',
      FETCH_ALLOWED_NETWORKS: '127.0.0.0/8',
      FETCH_MIN_GAP_MS: '0',
      FETCH_MAX_BYTES: String(FETCH_MAX_BYTES),
      KAFKA_GROUP_PREFIX: `obs-${database.name}`,
      LOG_LEVEL: 'error',
    };
    const kafka = createKafka(
      { brokers: (process.env.KAFKA_BROKERS ?? '').split(','), clientId: 'observability-setup' },
      jsonLogger('observability', 'error'),
    );
    await ensureTopics(kafka, { partitions: 3 });
    await startGroupsAtTheEnd(kafka, `obs-${database.name}`);
    services = await startStages(PORTS, env);
    dataSource = createDataSource(database.url);
    await dataSource.initialize();

    // Real pages from a feed and a folder, one page too large for the fetcher, one poison message.
    const spec = sourceSpec(feed.feedUrl, 'feed', 'Observability feed');
    feedSourceId = spec.id;
    await new SourcesRepository(dataSource).add({ ...spec, origin: 'cli' });
    for (const [i, page] of small.slice(3).entries()) {
      await writeFile(join(inbox, `page-${i}.html`), page.html);
    }
    await writeFile(join(inbox, 'too-large.html'), largest.html);
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic: Topic.ArticleFetched,
      messages: [{ key: 'poison', value: '{"not":"an article"}' }],
    });
    await producer.disconnect();

    await waitFor(
      'five rows',
      async () => {
        const [row] = await dataSource.query<{ n: number }[]>(
          'SELECT count(*)::int AS n FROM articles',
        );
        return (row?.n ?? 0) >= 5 ? true : undefined;
      },
      { timeoutMs: 90_000, intervalMs: 500 },
    );
    // The lag and the sources' health are read every 15 s: wait for both to be reported.
    samples = await waitFor(
      'lag, source health and the dead letter on /metrics',
      async () => {
        const now = await scrapeAll();
        const has = (name: string, labels: Record<string, string> = {}) =>
          now.some(
            (s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v),
          );
        return has('newsflow_consumer_group_lag') &&
          has('newsflow_source_last_success_timestamp_seconds', { source: feedSourceId }) &&
          has('newsflow_messages_dead_lettered_total', { stage: 'parser' }) &&
          has('newsflow_pages_refused_total', { reason: 'too-large' })
          ? now
          : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 1_000 },
    );
  });

  afterAll(async () => {
    await stopStages(services);
    await feed?.close();
    if (dataSource?.isInitialized) await dataSource.destroy();
    await rm(inbox, { recursive: true, force: true });
    await database?.drop();
  });

  const queries = () => [...dashboardQueries(), ...alertQueries()];

  it('finds series on the stages for every metric the dashboard and the alert rules read', () => {
    const exposed = new Set(samples.map((s) => s.name));
    const missing = queries().flatMap(({ name, expr }) =>
      queryNeeds(expr)
        .metrics.filter((metric) => !PROMETHEUS_SERIES.has(metric) && !exposed.has(metric))
        .map((metric) => `${name}: ${metric}`),
    );
    expect(missing).toEqual([]);
  });

  it('finds every label they group or match by on those series, or put there by Prometheus', () => {
    const missing = queries().flatMap(({ name, expr }) => {
      const needs = queryNeeds(expr);
      const series = samples.filter((s) => needs.metrics.includes(s.name));
      return needs.labels
        .filter((label) => !TARGET_LABELS.has(label) && !series.some((s) => label in s.labels))
        .map((label) => `${name}: ${label}`);
    });
    expect(missing).toEqual([]);
  });

  it('has promtool accept the alert rules and pass their unit tests', () => {
    if (!onPath('promtool')) {
      throw new Error('promtool not found: apt-get install prometheus (.ci/run does)');
    }
    const check = spawnSync('promtool', ['check', 'rules', ALERTS_FILE], { encoding: 'utf8' });
    expect(check.stdout + check.stderr).toContain('SUCCESS');
    expect(check.status).toBe(0);
    const tests = spawnSync('promtool', ['test', 'rules', 'alerts.test.yml'], {
      cwd: resolve(REPO_ROOT, 'observability/prometheus'),
      encoding: 'utf8',
    });
    expect([tests.status, tests.stdout + tests.stderr]).toEqual([
      0,
      expect.stringContaining('SUCCESS'),
    ]);
  });

  it('has a real Prometheus scraping the stages answer every panel of the dashboard', async () => {
    if (!onPath('prometheus')) {
      throw new Error('prometheus not found: apt-get install prometheus (.ci/run does)');
    }
    const dir = await mkdtemp(join(tmpdir(), 'newsflow-prometheus-'));
    const targets = (Object.entries(PORTS) as [Stage, number][]).map(([stage, port]) => ({
      targets: [`127.0.0.1:${port}`],
      labels: { service: stage },
    }));
    await writeFile(
      join(dir, 'prometheus.yml'),
      JSON.stringify({
        global: { scrape_interval: '1s', evaluation_interval: '1s' },
        rule_files: [ALERTS_FILE],
        scrape_configs: [{ job_name: 'newsflow', static_configs: targets }],
      }),
    );
    let prometheus: ChildProcess | undefined;
    try {
      prometheus = spawn(
        'prometheus',
        [
          `--config.file=${join(dir, 'prometheus.yml')}`,
          `--storage.tsdb.path=${join(dir, 'data')}`,
          `--web.listen-address=127.0.0.1:${PROMETHEUS_PORT}`,
        ],
        { stdio: 'ignore' },
      );
      const url = `http://127.0.0.1:${PROMETHEUS_PORT}`;
      const answers = await waitFor(
        'every panel with series',
        async () => {
          try {
            const all = await Promise.all(
              dashboardQueries().map(async ({ name, expr }) => ({
                name,
                series: await instantQuery(url, expr),
              })),
            );
            return all.every((a) => a.series.length > 0) ? all : undefined;
          } catch {
            return undefined;
          }
        },
        { timeoutMs: 60_000, intervalMs: 1_000 },
      );
      for (const { name, series } of answers) {
        process.stdout.write(
          `observability: ${name}: ${series.length} series, e.g. ${series[0]}\n`,
        );
      }
      const up = await instantQuery(url, 'up{job="newsflow"}');
      expect(up.map((line) => line.endsWith(' 1'))).toEqual([true, true, true, true]);
    } finally {
      if (prometheus?.pid) process.kill(prometheus.pid, 'SIGTERM');
      await new Promise((r) => prometheus?.once('exit', r) ?? r(undefined));
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('observability: the compose profile and the Prometheus configurations', () => {
  interface ComposeService {
    profiles?: string[];
    volumes?: (string | { source: string; target: string })[];
    environment?: Record<string, string>;
  }
  const render = (args: string[]) =>
    spawnSync('docker-compose', ['-f', 'docker-compose.yml', ...args, 'config'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });

  it('lists Prometheus and Grafana in the observability profile, with files that exist', () => {
    const rendered = render(['--profile', 'observability']);
    expect(rendered.status).toBe(0);
    const { services } = parse(rendered.stdout) as { services: Record<string, ComposeService> };
    for (const name of ['prometheus', 'grafana']) {
      const service = services[name];
      expect([name, service?.profiles]).toEqual([name, ['observability']]);
      for (const volume of service?.volumes ?? []) {
        const source = typeof volume === 'string' ? (volume.split(':')[0] ?? '') : volume.source;
        if (source.startsWith('/'))
          expect([name, source, existsSync(source)]).toEqual([name, source, true]);
      }
    }
  });

  it('scrapes each stage on the port it listens on, the same in compose and locally', async () => {
    const rendered = render([]);
    const { services } = parse(rendered.stdout) as { services: Record<string, ComposeService> };
    const read = async (file: string) =>
      parse(await readFile(resolve(REPO_ROOT, 'observability/prometheus', file), 'utf8')) as {
        rule_files: string[];
        scrape_configs: {
          job_name: string;
          static_configs: { targets: string[]; labels: { service: string } }[];
        }[];
      };
    const compose = await read('prometheus.yml');
    const local = await read('local.yml');
    const targets = (config: typeof compose) =>
      config.scrape_configs.flatMap((job) =>
        job.static_configs.map((c) => [
          job.job_name,
          c.labels.service,
          c.targets[0]?.split(':')[1],
        ]),
      );
    expect(targets(local)).toEqual(targets(compose));
    expect(local.rule_files).toEqual(compose.rule_files);
    for (const job of compose.scrape_configs) {
      for (const {
        targets: [target],
        labels,
      } of job.static_configs) {
        const [host, port] = (target ?? '').split(':');
        expect([host, port]).toEqual([
          labels.service,
          services[labels.service]?.environment?.HTTP_PORT,
        ]);
      }
    }
    const stages = compose.scrape_configs.flatMap((job) =>
      job.static_configs.map((c) => c.labels.service),
    );
    expect(stages.sort()).toEqual(['enricher', 'fetcher', 'parser', 'store']);
  });

  it('points the dashboard at the datasource Grafana is given', async () => {
    const datasources = parse(
      await readFile(
        resolve(REPO_ROOT, 'observability/grafana/provisioning/datasources/prometheus.yml'),
        'utf8',
      ),
    ) as { datasources: { uid: string; url: string }[] };
    const dashboard = JSON.parse(await readFile(DASHBOARD_FILE, 'utf8')) as {
      panels: { datasource: { uid: string }; targets: { datasource: { uid: string } }[] }[];
    };
    const uids = new Set(
      dashboard.panels.flatMap((p) => [
        p.datasource.uid,
        ...p.targets.map((t) => t.datasource.uid),
      ]),
    );
    expect([...uids]).toEqual([datasources.datasources[0]?.uid]);
    expect(datasources.datasources[0]?.url).toBe('http://prometheus:9090');
  });
});
