/**
 * `npm run bench:pipeline`: the whole pipeline on this machine, measured end to end. A broker of
 * its own, a fresh Postgres database, and the four services as separate processes; real news
 * pages from the extraction benchmark (../shared), each copy its own article.
 *
 * 0. Idle: each process's CPU with nothing flowing, for 30 s after 30 s to settle.
 * 1. Saturation: every page is dropped into the fetcher's folder at once; pages per second from
 *    the drop to the last row committed, and each process's CPU per page (its /proc counters,
 *    the broker and Postgres included), and each topic's bytes per page.
 * 2. Latency: fresh copies published to the fetched topic at half that rate; the time from each
 *    publish (acknowledged) to its row being visible in Postgres, p50, p95 and p99.
 * 3. The ceiling: Kafka's own ProducerPerformance (kafka-tools) sends the same fetched-article
 *    values, zstd level 1, acks=all, to the same broker in the same run.
 *
 *   npm run bench:pipeline [-- --pages 3000 --partitions 3 --replicas enricher=2 --replicas parser=2]
 *                          [--compare-replicas enricher=1,2]
 *
 * 3,000 pages by default (each of the 181 real pages copied as its own article): the rate a
 * pipeline keeps all day. Over 1,086 pages the stages' first seconds (code not yet compiled
 * hot, the folder's first settle) weighed about a sixth of the run: 88-102 pages/s against 115
 * over 3,000 on this machine.
 *                          [--profile DIR]
 *
 * --profile DIR: each stage writes a V8 CPU profile of its whole run into DIR when it stops
 * (open it in Chrome's DevTools); the figures then include the profiler's own cost.
 *
 * --compare-replicas STAGE=A,B,...: after the saturation above (with A replicas of STAGE), the
 * saturation again with A, then B, ... replicas, on the same broker and database, each with
 * fresh copies of the pages, and a table with a row for each, so they are compared in one run.
 * Replicas are added (or stopped) between phases; the first, cold phase is a row of its own and
 * not one of those compared: the stages' first seconds weigh on it (see above). A new replica
 * starts cold, and each phase warms the others more: enricher=1,2,1 shows how much of a
 * difference is that (over 600 pages the second 1 ran 100 pages/s, the first 79). Latency (2)
 * then runs with the last count.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { parseArgs } from 'node:util';
import { ALL_ARTICLE_TOPICS, Topic } from '@newsflow/contracts';
import type { ArticleFetchedV1 } from '@newsflow/contracts';
import { extractArticle } from '@newsflow/extraction';
import {
  DEFAULT_MESSAGE_LIMITS,
  EventPublisher,
  createKafka,
  topicConfig,
} from '@newsflow/messaging';
import { jsonLogger } from '@newsflow/runtime';
import { createDataSource } from '@newsflow/persistence';
import { savedPageToDocument } from '@newsflow/fetching';
import {
  REPO_ROOT,
  brokerDataDir,
  brokerPid,
  createTempDatabase,
  stagePorts,
  startService,
  startTestBroker,
  stopTestBroker,
  waitFor,
} from '@newsflow/testing';
import type { RunningService, Stage } from '@newsflow/testing';
import type { DataSource } from 'typeorm';
import { formatTable, quantile } from '../bench-table';
import { createTopic, topicBytesOnDisk } from '../bench-broker';
import { loadNewsPages } from '../news-pages';
import { cpuMsOf, postgresPids, totalCpuMsOf } from '../process-cpu';

const run = promisify(execFile);
const BROKER_PORT = 39092;
/** First health port of each stage; replicas take the next ones. */
const BASE_PORT = stagePorts(16001, 10);
const LATENCY_PAGES = 300;
const IDLE_SETTLE_MS = 30_000;
const IDLE_MS = 30_000;
/** After replicas are added or stopped: the new ones' start-up collection, the group settling. */
const SCALE_SETTLE_MS = 10_000;

interface Page {
  id: string;
  html: string;
  url: string;
}

/** One saturation phase: every page of fresh copies dropped at once, until the last row. */
interface Saturation {
  rows: number;
  expectedRows: number;
  seconds: number;
  rate: number;
  /** CPU ms of each process (its replicas summed), the broker, Postgres and all. */
  cpu: [string, number][];
  loadAverage: string;
}

/** What a saturation phase needs of the running pipeline. */
interface Pipeline {
  work: string;
  inbox: string;
  services: RunningService[];
  broker: { runDir: string; brokers: string };
  dataSource: DataSource;
  pages: Page[];
  readableIds: ReadonlySet<string>;
  total: number;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      pages: { type: 'string', default: '3000' },
      partitions: { type: 'string', default: '3' },
      replicas: { type: 'string', multiple: true, default: [] },
      'compare-replicas': { type: 'string' },
      profile: { type: 'string' },
    },
  });
  const total = Number(values.pages);
  const partitions = Number(values.partitions);
  const replicas = replicaCounts(values.replicas);
  const compare = values['compare-replicas']
    ? comparedCounts(values['compare-replicas'], values.replicas)
    : undefined;
  if (compare) replicas[compare.stage] = compare.counts[0] ?? 1;
  const pages = loadNewsPages();
  const readable = pages.filter(isReadable);
  console.log(
    `${total} pages from ${pages.length} real ones (${readable.length} with article text), ${partitions} partitions, replicas ${JSON.stringify(replicas)}` +
      (compare ? `, then ${compare.stage} replicas ${compare.counts.join(', ')} compared` : ''),
  );

  const broker = await startTestBroker(BROKER_PORT, {
    runDir: resolve(REPO_ROOT, 'tmp/kafka-bench-pipeline'),
  });
  const database = await createTempDatabase();
  const work = await mkdtemp(join(tmpdir(), 'newsflow-bench-pipeline-'));
  const inbox = join(work, 'inbox');
  await mkdir(inbox);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    KAFKA_BROKERS: broker.brokers,
    KAFKA_TOPIC_PARTITIONS: String(partitions),
    DATABASE_URL: database.url,
    FETCHER_FOLDERS: inbox,
    FETCHER_POLL_MS: '200',
    LOG_LEVEL: 'warn',
    ...(values.profile ? { NEWSFLOW_CPU_PROF_DIR: resolve(values.profile) } : {}),
  };
  const services: RunningService[] = [];
  const dataSource = createDataSource(database.url);
  try {
    // Consumers first, so nothing waits for a reader; the fetcher last.
    for (const stage of ['store', 'enricher', 'parser', 'fetcher'] as const) {
      for (let i = 0; i < replicas[stage]; i += 1) {
        services.push(await startService(stage, BASE_PORT[stage] + i, env));
      }
    }
    await dataSource.initialize();

    // 0. Idle: what each process costs with nothing flowing, as a share of one core.
    // Start-up settles first: group joins, the first fetches, the collection of what start-up
    // allocated (the enricher's gazetteers), the fresh broker's own first work.
    await new Promise((r) => setTimeout(r, IDLE_SETTLE_MS));
    const idleBefore = sampleCpu(services, broker);
    await new Promise((r) => setTimeout(r, IDLE_MS));
    const idleRows = [['process', 'idle CPU % of a core']];
    for (const [name, ms] of cpuDelta(idleBefore, sampleCpu(services, broker))) {
      idleRows.push([name, ((100 * ms) / IDLE_MS).toFixed(2)]);
    }
    console.log(`\nidle for ${IDLE_MS / 1000} s:`);
    for (const line of formatTable(idleRows)) console.log(line);

    // 1. Saturation: the pages written aside, then moved into the watched folder at once.
    const pipeline: Pipeline = {
      work,
      inbox,
      services,
      broker,
      dataSource,
      pages,
      readableIds: new Set(readable.map((page) => page.id)),
      total,
    };
    const first = await saturate(pipeline, '');
    printSaturation(
      first,
      total,
      compare ? ` (${compare.stage} replicas ${replicas[compare.stage]}, cold)` : '',
    );

    const bytesRows = [['topic', 'messages', 'JSON KB/message', 'stored KB/message']];
    for (const topic of ALL_ARTICLE_TOPICS) {
      const { count, valueBytes } = await publishedOf(services, topic);
      const onDisk = topicBytesOnDisk(brokerDataDir(broker), topic);
      bytesRows.push([
        topic,
        String(count),
        (valueBytes / count / 1024).toFixed(1),
        (onDisk / count / 1024).toFixed(1),
      ]);
    }
    console.log('');
    for (const line of formatTable(bytesRows)) console.log(line);

    // 1b. The same saturation with each replica count compared, warm, fresh copies each time.
    let rate = first.rate;
    if (compare) {
      const compared: [number, Saturation][] = [];
      for (const [i, count] of compare.counts.entries()) {
        // The fetcher stats every file in its folder at each poll: the earlier phases' files
        // (long since published) go, so each phase's polls look at the same number.
        for (const file of await readdir(inbox)) await rm(join(inbox, file));
        await scaleStage(services, compare.stage, count, env);
        await new Promise((r) => setTimeout(r, SCALE_SETTLE_MS));
        const phase = await saturate(pipeline, `r${i + 1}x${count}-`);
        printSaturation(phase, total, ` (${compare.stage} replicas ${count})`);
        compared.push([count, phase]);
        rate = phase.rate;
      }
      console.log(
        `\n${compare.stage} replicas compared, ${total} fresh pages each, same broker and database:`,
      );
      const rows = [
        [
          `${compare.stage} replicas`,
          'rows',
          's',
          'pages/s',
          `${compare.stage} CPU ms/page`,
          'all CPU ms/page',
          'load average',
        ],
      ];
      for (const [label, phase] of [
        [`${replicas[compare.stage]} (cold, not compared)`, first] as const,
        ...compared.map(([count, phase]) => [String(count), phase] as const),
      ]) {
        const cpuOf = (name: string) => phase.cpu.find(([n]) => n === name)?.[1] ?? NaN;
        rows.push([
          label,
          String(phase.rows),
          phase.seconds.toFixed(1),
          phase.rate.toFixed(1),
          (cpuOf(compare.stage) / phase.rows).toFixed(1),
          (cpuOf('all') / phase.rows).toFixed(1),
          phase.loadAverage,
        ]);
      }
      for (const line of formatTable(rows)) console.log(line);
    }

    // 2. Latency at half the saturation rate, published as the fetcher would.
    const latencyRate = rate / 2;
    const latencies = await measureLatency(broker.brokers, dataSource, readable, latencyRate);
    const sorted = [...latencies].sort((a, b) => a - b);
    console.log(
      `\nlatency, publish to row committed, ${latencies.length} pages at ${latencyRate.toFixed(1)} pages/s${compare ? ` (${compare.stage} replicas ${compare.counts.at(-1)})` : ''}: p50 ${quantile(sorted, 0.5).toFixed(0)} ms, p95 ${quantile(sorted, 0.95).toFixed(0)} ms, p99 ${quantile(sorted, 0.99).toFixed(0)} ms`,
    );

    // 3. Kafka's own producer, the same values, codec and acks.
    const payloads = join(work, 'payloads.jsonl');
    const documents = readable.map((page, i) => fetchedDocument(page, `perf-${i}`));
    await writeFile(payloads, `${documents.map((d) => JSON.stringify(d)).join('\n')}\n`);
    const perf = await producerPerformance(broker, payloads, documents.length * 6, partitions);
    console.log(`\nKafka ProducerPerformance, same values, zstd level 1, acks=all: ${perf.line}`);
    console.log(
      `  the broker's CPU: ${(perf.brokerCpuMs / perf.records).toFixed(2)} ms per record (${perf.records} records)`,
    );
    console.log(`\nload average ${loadAverage()}`);
  } finally {
    for (const service of services.reverse()) await service.stop('SIGTERM');
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.drop();
    await stopTestBroker(broker);
    await rm(work, { recursive: true, force: true });
  }
}

function replicaCounts(specs: string[]): Record<Stage, number> {
  const counts: Record<Stage, number> = { fetcher: 1, parser: 1, enricher: 1, store: 1 };
  for (const spec of specs) {
    const [stage, count] = spec.split('=');
    if (!stage || !(stage in counts) || !/^[1-9]\d*$/.test(count ?? '')) {
      throw new Error(`--replicas ${spec}: expected <stage>=<count>, e.g. enricher=2`);
    }
    counts[stage as Stage] = Number(count);
  }
  if (counts.fetcher !== 1) throw new Error('one fetcher per folder: --replicas fetcher must be 1');
  return counts;
}

/** `--compare-replicas enricher=1,2`: the stage and its counts, in the order they run. */
function comparedCounts(spec: string, replicaSpecs: string[]): { stage: Stage; counts: number[] } {
  const [stage, list = ''] = spec.split('=');
  const counts = list.split(',').map((count) => count.trim());
  const usage = `--compare-replicas ${spec}: expected <stage>=<count>,<count>..., e.g. enricher=1,2`;
  if (!stage || !['parser', 'enricher', 'store'].includes(stage)) {
    throw new Error(`${usage}; the stage is the parser, the enricher or the store`);
  }
  if (counts.length < 2 || counts.some((count) => !/^[1-9]\d*$/.test(count)))
    throw new Error(usage);
  if (replicaSpecs.some((other) => other.split('=')[0] === stage)) {
    throw new Error(
      `--compare-replicas ${spec} gives the ${stage}'s replicas: drop --replicas ${stage}`,
    );
  }
  return { stage: stage as Stage, counts: counts.map(Number) };
}

/**
 * Starts or stops (SIGTERM, the last started first) replicas of `stage` until `count` run; new
 * ones go beside their stage's others in `services`, so they stop in the same order.
 */
async function scaleStage(
  services: RunningService[],
  stage: Stage,
  count: number,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  const running = () => services.filter((service) => service.stage === stage);
  while (running().length > count) {
    const last = running().at(-1) as RunningService;
    services.splice(services.indexOf(last), 1);
    await last.stop('SIGTERM');
  }
  while (running().length < count) {
    const last = running().at(-1);
    const started = await startService(stage, BASE_PORT[stage] + running().length, env);
    services.splice(last ? services.indexOf(last) + 1 : services.length, 0, started);
  }
}

/**
 * Fresh copies of the pages (`prefix` tells them from other phases') written aside, then moved
 * into the watched folder at once; the phase ends when the last of their rows is committed.
 */
async function saturate(pipeline: Pipeline, prefix: string): Promise<Saturation> {
  const { services, broker, dataSource } = pipeline;
  const staging = join(pipeline.work, `staging-${prefix}`);
  await mkdir(staging);
  const expected = await writeCopies(staging, pipeline.pages, pipeline.total, prefix);
  const expectedRows = expected.filter((file) => pipeline.readableIds.has(file.id)).length;
  const rowsBefore = await countRows(dataSource);
  const cpuBefore = sampleCpu(services, broker);
  const droppedAt = Date.now();
  for (const file of expected) {
    await rename(join(staging, file.file), join(pipeline.inbox, file.file));
  }
  const stored = await waitForRows(dataSource, rowsBefore + expectedRows, 600_000);
  const seconds = (stored.at - droppedAt) / 1000;
  const rows = stored.rows - rowsBefore;
  return {
    rows,
    expectedRows,
    seconds,
    rate: rows / seconds,
    cpu: cpuDelta(cpuBefore, sampleCpu(services, broker)),
    loadAverage: loadAverage(),
  };
}

function printSaturation(phase: Saturation, total: number, label: string): void {
  console.log(
    `\nsaturation${label}: ${phase.rows} rows of ${total} pages (${phase.expectedRows} with article text) in ${phase.seconds.toFixed(1)} s: ${phase.rate.toFixed(1)} pages/s`,
  );
  const cpuRows = [['process', 'CPU s', 'CPU ms/page']];
  for (const [name, ms] of phase.cpu) {
    cpuRows.push([name, (ms / 1000).toFixed(1), (ms / phase.rows).toFixed(1)]);
  }
  for (const line of formatTable(cpuRows)) console.log(line);
}

/** Whether the extractor finds an article in the page (a few of the benchmark's have none). */
function isReadable(page: { html: string; id: string }): boolean {
  try {
    extractArticle(fetchedDocument(page, page.id));
    return true;
  } catch {
    return false;
  }
}

/** The page as the folder source publishes it, under its own canonical URL. */
function fetchedDocument(page: { html: string; id: string }, copy: string): ArticleFetchedV1 {
  const html = withCanonical(page.html, `https://copies.example/${copy}/${page.id}`);
  return savedPageToDocument(
    `${copy}.html`,
    Buffer.from(html),
    { id: 'folder:bench', kind: 'folder', name: 'bench' },
    new Date(),
  );
}

/** Each copy its own article: its own canonical URL, found before the page's own. */
function withCanonical(html: string, url: string): string {
  return html.replace(/<head[^>]*>/i, (head) => `${head}<link rel="canonical" href="${url}">`);
}

/** `total` pages written as files, copy after copy of the whole set; `prefix` marks each copy. */
async function writeCopies(
  folder: string,
  pages: Page[],
  total: number,
  prefix: string,
): Promise<{ file: string; id: string }[]> {
  const files = [];
  for (let n = 0; n < total; n += 1) {
    const page = pages[n % pages.length] as Page;
    const copy = `${prefix}${Math.floor(n / pages.length)}`;
    const file = `${copy}-${page.id}.html`;
    const html = withCanonical(page.html, `https://copies.example/${copy}/${page.id}`);
    await writeFile(join(folder, file), html);
    files.push({ file, id: page.id });
  }
  return files;
}

async function countRows(dataSource: DataSource): Promise<number> {
  const [row] = await dataSource.query<{ n: string }[]>('SELECT count(*) AS n FROM articles');
  return Number(row?.n);
}

async function waitForRows(
  dataSource: DataSource,
  rows: number,
  timeoutMs: number,
): Promise<{ rows: number; at: number }> {
  return waitFor(
    `${rows} rows`,
    async () => {
      const count = await countRows(dataSource);
      return count >= rows ? { rows: count, at: Date.now() } : undefined;
    },
    { timeoutMs, intervalMs: 100 },
  );
}

/** CPU ms so far of each service, the broker and the Postgres server (all its processes). */
function sampleCpu(services: RunningService[], broker: { runDir: string; brokers: string }) {
  const sample = new Map<string, number>();
  for (const service of services) {
    const name = service.stage;
    sample.set(name, (sample.get(name) ?? 0) + cpuMsOf(service.pid));
  }
  sample.set('broker', cpuMsOf(brokerPid(broker)));
  sample.set('postgres', totalCpuMsOf(postgresPids()));
  return sample;
}

function cpuDelta(before: Map<string, number>, after: Map<string, number>): [string, number][] {
  const rows: [string, number][] = [];
  let total = 0;
  for (const [name, ms] of after) {
    const spent = ms - (before.get(name) ?? 0);
    total += spent;
    rows.push([name, spent]);
  }
  rows.push(['all', total]);
  return rows;
}

/** Messages and value bytes a topic received, from its producers' /metrics. */
async function publishedOf(
  services: RunningService[],
  topic: string,
): Promise<{ count: number; valueBytes: number }> {
  let count = 0;
  let valueBytes = 0;
  for (const service of services) {
    const text = await (await fetch(`http://127.0.0.1:${service.httpPort}/metrics`)).text();
    count += metricValue(text, 'newsflow_messages_published_total', topic);
    valueBytes += metricValue(text, 'newsflow_published_value_bytes_total', topic);
  }
  return { count, valueBytes };
}

function metricValue(text: string, name: string, topic: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name}{topic="${topic}"}`));
  return line ? Number(line.split(' ').pop()) : 0;
}

/**
 * Publishes fresh copies at `rate` pages/s, as the fetcher would, and times each from its
 * acknowledged publish to its row being visible in Postgres (polled every 20 ms).
 */
async function measureLatency(
  brokers: string,
  dataSource: DataSource,
  pages: Page[],
  rate: number,
): Promise<number[]> {
  const kafka = createKafka(
    { brokers: [brokers], clientId: 'bench-latency' },
    jsonLogger('bench', 'error'),
  );
  const publisher = new EventPublisher(kafka);
  await publisher.connect();
  const publishedAt = new Map<string, number>();
  const latencies: number[] = [];
  let done = false;
  const watcher = (async () => {
    while (!done || publishedAt.size > 0) {
      const pending = [...publishedAt.keys()];
      if (pending.length > 0) {
        const rows = await dataSource.query<{ id: string }[]>(
          'SELECT id FROM articles WHERE id = ANY($1)',
          [pending],
        );
        const now = Date.now();
        for (const { id } of rows) {
          latencies.push(now - (publishedAt.get(id) ?? now));
          publishedAt.delete(id);
        }
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const gapMs = 1000 / rate;
  const start = Date.now();
  const sends: Promise<void>[] = [];
  for (let n = 0; n < LATENCY_PAGES; n += 1) {
    const due = start + n * gapMs;
    await new Promise((r) => setTimeout(r, Math.max(0, due - Date.now())));
    const page = pages[n % pages.length] as Page;
    const document = fetchedDocument(page, `latency-${n}`);
    sends.push(
      publisher
        .publish(Topic.ArticleFetched, document.id, document)
        .then(() => void publishedAt.set(document.id, Date.now())),
    );
  }
  await Promise.all(sends);
  done = true;
  await Promise.race([watcher, new Promise((r) => setTimeout(r, 120_000))]);
  await publisher.disconnect();
  return latencies;
}

async function producerPerformance(
  broker: { brokers: string; runDir: string },
  payloadFile: string,
  records: number,
  partitions: number,
): Promise<{ line: string; records: number; brokerCpuMs: number }> {
  const topic = 'bench.producer-performance';
  const kafka = createKafka(
    { brokers: [broker.brokers], clientId: 'bench-perf' },
    jsonLogger('bench', 'error'),
  );
  await createTopic(kafka, topic, partitions, topicConfig(DEFAULT_MESSAGE_LIMITS.topicBytes));
  const before = cpuMsOf(brokerPid(broker));
  const { stdout } = await run(
    'java',
    [
      '-cp',
      `${resolve(REPO_ROOT, 'tools/kafka/jars')}/*`,
      '-Dlog4j2.configurationFile=' + resolve(REPO_ROOT, 'tools/kafka/log4j2.properties'),
      `-Dkafka.logs.dir=${resolve(broker.runDir, 'logs')}`,
      'org.apache.kafka.tools.ProducerPerformance',
      '--topic',
      topic,
      '--num-records',
      String(records),
      '--throughput',
      '-1',
      '--payload-file',
      payloadFile,
      '--producer-props',
      `bootstrap.servers=${broker.brokers}`,
      'acks=all',
      'compression.type=zstd',
      'compression.zstd.level=1',
      `batch.size=${DEFAULT_MESSAGE_LIMITS.batchBytes}`,
      `max.request.size=${DEFAULT_MESSAGE_LIMITS.topicBytes}`,
    ],
    { maxBuffer: 16 * 1024 * 1024, timeout: 300_000 },
  );
  const line =
    stdout
      .trim()
      .split('\n')
      .filter((l) => l.includes('records sent'))
      .pop() ?? stdout;
  return { line, records, brokerCpuMs: cpuMsOf(brokerPid(broker)) - before };
}

function loadAverage(): string {
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
