import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Topic, deadLetterTopicOf } from '@newsflow/contracts';
import { createKafka, ensureTopics } from '@newsflow/messaging';
import { jsonLogger } from '@newsflow/runtime';
import { SourcesRepository, createDataSource } from '@newsflow/persistence';
import { articleIdFromUrl, sourceSpec } from '@newsflow/sources';
import {
  REPO_ROOT,
  StreamingFeed,
  TcpProxy,
  createTempDatabase,
  readDeadLetters,
  scrapeMetrics,
  startService,
  startTestBroker,
  stopTestBroker,
  waitFor,
} from '@newsflow/testing';
import type { NewsPage, RunningService, Stage, TempDatabase, TestBroker } from '@newsflow/testing';
import { AssignerProtocol } from 'kafkajs';
import type { Kafka } from 'kafkajs';
import type { DataSource } from 'typeorm';

/** The broker's own listener; clients reach it through the proxy on BROKER_PROXY_PORT. */
const BROKER_PORT = 19293;
const BROKER_PROXY_PORT = 19295;
const GROUP_PREFIX = 'faults';
/** Health ports: a block no other suite uses; a second fetcher takes the next one. */
const FIRST_PORT = 16001;
const PORT_OF: Record<Stage, number> = {
  fetcher: FIRST_PORT,
  parser: FIRST_PORT + 1,
  enricher: FIRST_PORT + 2,
  store: FIRST_PORT + 3,
};
/** Replica n of a stage listens on its stage's port + (n - 1) * 10: parser-2 on 16012. */
const REPLICA_PORT_STEP = 10;
/** How long a fetcher holds a source: short, so a dead replica's sources come back in seconds. */
export const LEASE_MS = 8_000;

/** The topic each consuming stage's group reads. */
const READS = [
  ['parser', Topic.ArticleFetched],
  ['enricher', Topic.ArticleParsed],
  ['store', Topic.ArticleEnriched],
] as const;

export type ConsumingStage = (typeof READS)[number][0];

/** A member of a stage's consumer group, as the group coordinator describes it. */
export interface GroupMember {
  /** The suite's name of the process ("parser-2"); undefined for a client not of this stack. */
  name: string | undefined;
  memberId: string;
  /** Partitions of the stage's topic assigned to it; none while the group rebalances. */
  partitions: number[];
}

export interface GroupAssignment {
  /** "Stable" once a rebalance is over; "PreparingRebalance" while members rejoin. */
  state: string;
  members: GroupMember[];
}

export interface FaultStackOptions {
  /**
   * Processes of each stage, 1 where not given: the first is named after its stage, the others
   * `<stage>-2`, `<stage>-3`, in one consumer group.
   */
  replicas?: Partial<Record<Stage, number>>;
  /** Environment every process gets on top of the suite's, e.g. KAFKA_SESSION_TIMEOUT_MS. */
  env?: NodeJS.ProcessEnv;
}

export interface ScenarioCounts {
  scenario: string;
  pagesSent: number;
  rows: number;
  /** Rows with no article the feed sent: duplicates under another id would show here. */
  strayRows: number;
  extraRevisions: number;
  deadLetters: number;
  /** Messages the fetcher put on the fetched topic for these pages: more than sent after a kill. */
  published: number;
  /** The most times one page went out on the fetched topic. */
  mostPublishesOfOnePage: number;
  /** The most times the fetchers asked the feed for one page: a page published twice without
   * being fetched twice was sent again by the producer. */
  mostRequestsOfOnePage: number;
  /** Seconds from the fault's end until every page released before it was a row. */
  recoverySeconds: number;
  lag: number;
}

/** A running process of a stage, by the name the suite gives it ("fetcher", "fetcher-2"). */
interface StageProcess {
  stage: Stage;
  port: number;
  env: NodeJS.ProcessEnv;
  running: RunningService | undefined;
}

/**
 * Everything the fault suite runs, each piece its own so a scenario can break it: a broker of
 * the suite's own behind a TCP proxy, Postgres behind two proxies (the fetcher's and the
 * store's connections), the four stages as OS processes, and a database of the suite's own.
 */
export class FaultStack {
  readonly brokerProxy = new TcpProxy({ host: '127.0.0.1', port: BROKER_PORT }, BROKER_PROXY_PORT);
  readonly fetcherDbProxy = new TcpProxy({ host: '127.0.0.1', port: 5432 });
  readonly storeDbProxy = new TcpProxy({ host: '127.0.0.1', port: 5432 });
  readonly runDir = resolve(REPO_ROOT, 'tmp/kafka-faults');
  broker!: TestBroker;
  database!: TempDatabase;
  dataSource!: DataSource;
  kafka!: Kafka;
  private emptyFolder = '';
  private readonly processes = new Map<string, StageProcess>();

  constructor(private readonly options: FaultStackOptions = {}) {}

  async start(): Promise<void> {
    await this.brokerProxy.start();
    await this.fetcherDbProxy.start();
    await this.storeDbProxy.start();
    this.broker = await this.startBroker(true);
    this.database = await createTempDatabase();
    this.kafka = createKafka(
      { brokers: [this.broker.brokers], clientId: 'faults' },
      jsonLogger('faults', 'error'),
    );
    await ensureTopics(this.kafka, { partitions: 3 });
    this.dataSource = createDataSource(this.database.url);
    await this.dataSource.initialize();
    this.emptyFolder = await mkdtemp(join(tmpdir(), 'newsflow-faults-'));
    // Readers first, so nothing is published before its group runs; a stage's replicas together.
    for (const stage of ['store', 'enricher', 'parser', 'fetcher'] as const) {
      const names = this.replicaNames(stage);
      names.forEach((name, i) => this.define(name, stage, PORT_OF[stage] + i * REPLICA_PORT_STEP));
      await this.startProcesses(names);
    }
  }

  /** The names of a stage's replicas: "parser", "parser-2", "parser-3". */
  replicaNames(stage: Stage): string[] {
    const count = this.options.replicas?.[stage] ?? 1;
    return Array.from({ length: count }, (_, i) => (i === 0 ? stage : `${stage}-${i + 1}`));
  }

  async stop(): Promise<void> {
    for (const name of [...this.processes.keys()].reverse()) await this.stopProcess(name);
    if (this.dataSource?.isInitialized) await this.dataSource.destroy();
    await this.database?.drop();
    if (this.broker) await stopTestBroker(this.broker);
    for (const proxy of [this.brokerProxy, this.fetcherDbProxy, this.storeDbProxy])
      await proxy.cut();
    await rm(this.emptyFolder, { recursive: true, force: true });
  }

  startBroker(fresh: boolean): Promise<TestBroker> {
    return startTestBroker(BROKER_PORT, {
      runDir: this.runDir,
      fresh,
      advertisedPort: BROKER_PROXY_PORT,
    });
  }

  /** The environment every stage gets; `stage` picks its Postgres proxy. */
  private envFor(stage: Stage): NodeJS.ProcessEnv {
    const proxy = stage === 'fetcher' ? this.fetcherDbProxy : this.storeDbProxy;
    return {
      ...process.env,
      KAFKA_BROKERS: this.broker.brokers,
      KAFKA_GROUP_PREFIX: GROUP_PREFIX,
      DATABASE_URL: proxy.urlFor(this.database.name),
      FETCHER_FOLDERS: this.emptyFolder,
      FETCHER_POLL_MS: '200',
      FETCH_ALLOWED_NETWORKS: '127.0.0.0/8',
      FETCH_MIN_GAP_MS: '0',
      FETCH_MIN_POLL_MS: '1000',
      // An outage fails polls: come back within seconds, and do not disable the feed for it.
      FETCH_FAILURE_BACKOFF_MS: '1000',
      FETCH_MAX_POLL_MS: '2000',
      FETCH_DISABLE_AFTER_FAILURES: '1000',
      FETCH_LEASE_MS: String(LEASE_MS),
      LOG_LEVEL: process.env.FAULT_LOG_LEVEL ?? 'warn',
    };
  }

  /**
   * Declares a process of `stage` under `name`, on `port`, with extra environment. Its Kafka
   * client id carries the name, so a group member can be told apart from its stage's others.
   */
  define(name: string, stage: Stage, port: number, extraEnv: NodeJS.ProcessEnv = {}): void {
    const existing = this.processes.get(name);
    this.processes.set(name, {
      stage,
      port,
      env: {
        ...this.envFor(stage),
        KAFKA_CLIENT_ID: `faults.${name}`,
        ...this.options.env,
        ...extraEnv,
      },
      running: existing?.running,
    });
  }

  /** Starts the named process and waits until it is ready. */
  async startProcess(name: string): Promise<RunningService> {
    const entry = this.entry(name);
    entry.running = await startService(entry.stage, entry.port, entry.env);
    return entry.running;
  }

  /**
   * Starts the named processes at once and waits until all are ready. A failure is thrown once
   * every start has settled, so none is left running unknown to `stop()`.
   */
  async startProcesses(names: readonly string[]): Promise<void> {
    const started = await Promise.allSettled(names.map((name) => this.startProcess(name)));
    const failed = started.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
  }

  /** The named process while it runs. */
  process(name: string): RunningService | undefined {
    return this.entry(name).running;
  }

  /** SIGKILL, by pid, and waits until it is gone. */
  async kill(name: string): Promise<void> {
    const entry = this.entry(name);
    await entry.running?.stop('SIGKILL');
    if (process.env.FAULT_LOG_LEVEL)
      process.stdout.write(
        `faults: ${name} killed; its output:\n${entry.running?.output().slice(-20_000)}\n`,
      );
    entry.running = undefined;
  }

  async stopProcess(name: string): Promise<void> {
    const entry = this.entry(name);
    await entry.running?.stop('SIGTERM');
    entry.running = undefined;
  }

  /** The health port of the named process. */
  portOf(name: string): number {
    return this.entry(name).port;
  }

  /** The pid of the named process, while it runs. */
  pidOf(name: string): number | undefined {
    return this.entry(name).running?.pid;
  }

  names(): string[] {
    return [...this.processes.keys()];
  }

  private entry(name: string): StageProcess {
    const entry = this.processes.get(name);
    if (!entry) throw new Error(`no process named ${name}`);
    return entry;
  }

  /** A feed source for the scenario, added as an operator would. */
  async addFeed(feed: StreamingFeed, name: string): Promise<string> {
    const spec = sourceSpec(feed.feedUrl, 'feed', name);
    await new SourcesRepository(this.dataSource).add({ ...spec, origin: 'cli' });
    return spec.id;
  }

  /** Stops polling a finished scenario's feed, so its closed server is not polled for ever. */
  async retireFeed(sourceId: string): Promise<void> {
    await new SourcesRepository(this.dataSource).setEnabled(sourceId, false, 'scenario over');
  }

  /** The end offsets of the fetched topic, to count what a scenario publishes from there. */
  async fetchedTopicEnds(): Promise<{ partition: number; offset: string }[]> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const ends = await admin.fetchTopicOffsets(Topic.ArticleFetched);
      return ends.map(({ partition, high }) => ({ partition, offset: high }));
    } finally {
      await admin.disconnect();
    }
  }

  /** Messages on the fetched topic from `from` to its end now, keyed by one of `ids`. */
  async countPublished(
    from: { partition: number; offset: string }[],
    ids: ReadonlySet<string>,
  ): Promise<Map<string, number>> {
    const ends = await this.fetchedTopicEnds();
    const remaining = new Map(ends.map((end) => [end.partition, BigInt(end.offset)]));
    const groupId = `faults-count-${randomUUID()}`;
    const admin = this.kafka.admin();
    await admin.connect();
    await admin.setOffsets({ groupId, topic: Topic.ArticleFetched, partitions: from });
    await admin.disconnect();
    const counts = new Map<string, number>();
    const consumer = this.kafka.consumer({ groupId });
    await consumer.connect();
    try {
      await consumer.subscribe({ topic: Topic.ArticleFetched });
      let done = from.every((f) => BigInt(f.offset) >= (remaining.get(f.partition) ?? 0n));
      await consumer.run({
        eachMessage: ({ partition, message }) => {
          const key = message.key?.toString() ?? '';
          if (ids.has(key)) counts.set(key, (counts.get(key) ?? 0) + 1);
          if (BigInt(message.offset) + 1n >= (remaining.get(partition) ?? 0n))
            remaining.set(partition, 0n);
          done = [...remaining.values()].every((left) => left === 0n);
          return Promise.resolve();
        },
      });
      await waitFor('the fetched topic read to its end', () => (done ? true : undefined), {
        timeoutMs: 60_000,
      });
    } finally {
      await consumer.disconnect();
      const cleanup = this.kafka.admin();
      await cleanup.connect();
      await cleanup.deleteGroups([groupId]).catch(() => undefined);
      await cleanup.disconnect();
    }
    return counts;
  }

  /** What the consuming groups have left to read, over all their partitions. */
  async lag(): Promise<number> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      let lag = 0;
      for (const [stage, topic] of READS) {
        const ends = await admin.fetchTopicOffsets(topic);
        const [committed] = await admin.fetchOffsets({
          groupId: `${GROUP_PREFIX}-${stage}`,
          topics: [topic],
        });
        for (const end of ends) {
          const at = committed?.partitions.find((p) => p.partition === end.partition)?.offset;
          const done = at === undefined || at === '-1' ? Number(end.low) : Number(at);
          lag += Number(end.high) - done;
        }
      }
      return lag;
    } finally {
      await admin.disconnect();
    }
  }

  /**
   * The members of a consuming stage's group and the partitions each holds, decoded from the
   * assignment the group's leader sent through the coordinator.
   */
  async assignments(stage: ConsumingStage): Promise<GroupAssignment> {
    const topic = READS.find(([reader]) => reader === stage)?.[1] ?? Topic.ArticleFetched;
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const {
        groups: [group],
      } = await admin.describeGroups([`${GROUP_PREFIX}-${stage}`]);
      if (!group) throw new Error(`the broker described no group for the ${stage}`);
      return {
        state: group.state,
        members: group.members.map((member) => {
          // Empty until the rebalance in progress hands the member its share.
          const decoded =
            member.memberAssignment.length > 0
              ? AssignerProtocol.MemberAssignment.decode(member.memberAssignment)
              : null;
          return {
            name: this.names().find((name) => this.memberClientId(name) === member.clientId),
            memberId: member.memberId,
            partitions: [...(decoded?.assignment[topic] ?? [])].sort((a, b) => a - b),
          };
        }),
      };
    } finally {
      await admin.disconnect();
    }
  }

  /** Messages the named process has handled since it started, from its /metrics. */
  async handled(name: string): Promise<number> {
    return (await scrapeMetrics(this.portOf(name)))
      .filter((sample) => sample.name === 'newsflow_messages_handled_total')
      .reduce((sum, sample) => sum + sample.value, 0);
  }

  /** The client id the named process joins its group with: `<KAFKA_CLIENT_ID>-<stage>`. */
  private memberClientId(name: string): string {
    const entry = this.entry(name);
    return `${entry.env.KAFKA_CLIENT_ID ?? 'newsflow'}-${entry.stage}`;
  }

  /** Rows of the scenario's source, and how far past revision 1 they went. */
  async rowsOf(sourceId: string): Promise<{ id: string; revision: number }[]> {
    return this.dataSource.query<{ id: string; revision: number }[]>(
      'SELECT id, revision FROM articles WHERE source_id = $1',
      [sourceId],
    );
  }

  async deadLettersFor(ids: ReadonlySet<string>): Promise<number> {
    let count = 0;
    for (const topic of [Topic.ArticleFetched, Topic.ArticleParsed, Topic.ArticleEnriched]) {
      const letters = await readDeadLetters(
        this.kafka,
        deadLetterTopicOf(topic),
        (letter) => ids.has(letter.originalKey ?? ''),
        { timeoutMs: 30_000 },
      );
      count += letters.length;
    }
    return count;
  }
}

export interface Scenario {
  name: string;
  /** Pages the feed releases, and how fast. */
  total: number;
  perSecond: number;
  /**
   * Breaks something while the pages stream, and mends it; resolves with the moment it was
   * mended (ms since the epoch). `feed` is the scenario's feed, already streaming.
   */
  fault: (feed: StreamingFeed, sourceId: string) => Promise<number>;
}

/**
 * Streams a scenario's pages through the stack while its fault runs, waits until the pipeline
 * has caught up, and counts: rows, extra revisions, dead letters, publishes and lag.
 */
export async function runScenario(
  stack: FaultStack,
  pages: readonly NewsPage[],
  scenario: Scenario,
): Promise<ScenarioCounts> {
  const feed = await StreamingFeed.start({
    pages,
    total: scenario.total,
    perSecond: scenario.perSecond,
    name: scenario.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase(),
  });
  try {
    const from = await stack.fetchedTopicEnds();
    const sourceId = await stack.addFeed(feed, scenario.name);
    const streaming = feed.stream();
    const healedAt = await scenario.fault(feed, sourceId);
    const beforeHeal = new Set(
      feed
        .releasedPages()
        .filter((page) => page.releasedAt <= healedAt)
        .map((page) => articleIdFromUrl(page.canonicalUrl)),
    );
    const recoveredAt = await waitFor(
      `${scenario.name}: the pages released before the fault ended stored`,
      async () => {
        const rows = new Set((await stack.rowsOf(sourceId)).map((row) => row.id));
        return [...beforeHeal].every((id) => rows.has(id)) ? Date.now() : undefined;
      },
      { timeoutMs: 240_000, intervalMs: 250 },
    );
    await streaming;
    const ids = new Set(feed.releasedPages().map((page) => articleIdFromUrl(page.canonicalUrl)));
    const rows = await waitFor(
      `${scenario.name}: all ${ids.size} pages stored`,
      async () => {
        const stored = await stack.rowsOf(sourceId);
        return stored.length >= ids.size ? stored : undefined;
      },
      { timeoutMs: 240_000, intervalMs: 500 },
    );
    const lag = await waitFor(
      `${scenario.name}: the groups' lag back to 0`,
      async () => ((await stack.lag()) === 0 ? 0 : undefined),
      { timeoutMs: 120_000, intervalMs: 500 },
    ).catch(() => stack.lag());
    await stack.retireFeed(sourceId);
    const published = await stack.countPublished(from, ids);
    return {
      scenario: scenario.name,
      pagesSent: ids.size,
      rows: rows.filter((row) => ids.has(row.id)).length,
      strayRows: rows.filter((row) => !ids.has(row.id)).length,
      extraRevisions: rows.reduce((sum, row) => sum + (row.revision - 1), 0),
      deadLetters: await stack.deadLettersFor(ids),
      published: [...published.values()].reduce((a, b) => a + b, 0),
      mostPublishesOfOnePage: Math.max(0, ...published.values()),
      mostRequestsOfOnePage: Math.max(0, ...feed.pageRequests().values()),
      recoverySeconds: Math.max(0, recoveredAt - healedAt) / 1000,
      lag,
    };
  } finally {
    await feed.close();
  }
}

/** The suite's table: one line per scenario. */
export function table(results: readonly ScenarioCounts[]): string {
  const header = [
    'scenario',
    'pages sent',
    'rows',
    'stray rows',
    'extra revisions',
    'dead letters',
    'published',
    'lag',
    'recovery s',
  ];
  const lines = results.map((r) =>
    [
      r.scenario,
      r.pagesSent,
      r.rows,
      r.strayRows,
      r.extraRevisions,
      r.deadLetters,
      r.published,
      r.lag,
      r.recoverySeconds.toFixed(1),
    ].join(' | '),
  );
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...lines.map((line) => `| ${line} |`),
  ].join('\n');
}
