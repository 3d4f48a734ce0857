/**
 * `npm run bench:store [-- --articles N] [--repeats N]`: rows per second that
 * `ArticlesRepository.upsertMany` writes into the local Postgres, against a plain COPY of the same
 * rows as the ceiling.
 *
 * Every measurement gets a fresh database (schema from runMigrations, dropped at the end) and
 * starts after a CHECKPOINT, so none inherits another's rows, dead tuples or WAL. The rounds are
 * interleaved (upsert 100, upsert 500, COPY, then again), so that load from others on this
 * shared machine falls on all of them alike, and the table shows the median of the rounds.
 * After each measurement the row counts are checked and a sample of articles is read back
 * through the repository: a COPY that wrote other rows than upsertMany would fail here.
 */
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import type { ArticleEnrichedV1 } from '@newsflow/contracts';
import {
  ArticlesReader,
  ArticlesRepository,
  createDataSource,
  runMigrations,
} from '@newsflow/persistence';
import { createTempDatabase } from '@newsflow/testing';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DataSource } from 'typeorm';
import { formatTable, quantile } from '../bench-table';
import { COPY_TABLES, copyChunks, copyStatement } from './copy-rows';
import { makeBenchArticles } from './store-dataset';

/** The store's batch sizes follow the Kafka batches it is handed: a small and a large one. */
const BATCH_SIZES = [100, 500] as const;
const DEFAULT_ARTICLES = 5_000;
const DEFAULT_REPEATS = 3;
/** Articles read back after each measurement, spread over the set. */
const SAMPLE_READS = 20;
/** Distinct from the measured articles' seed, so the warm-up never shares their ids. */
const WARM_UP_SEED = 2;
const WARM_UP_ARTICLES = 300;

const USAGE = 'usage: main.js [--articles N] [--repeats N]';

/** One timed write. Child rows: revisions, countries, topics and entities. */
interface Measurement {
  articles: number;
  childRows: number;
  seconds: number;
  /** CPU of this process (TypeORM, pg, the COPY encoder) and of the database's backends. */
  clientCpuSeconds: number;
  serverCpuSeconds: number;
}

type RunName = `upsert ${number}` | `redelivery ${number}` | 'COPY';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { articles: { type: 'string' }, repeats: { type: 'string' } },
  });
  const articleCount = positiveInteger(values.articles, DEFAULT_ARTICLES);
  const repeats = positiveInteger(values.repeats, DEFAULT_REPEATS);

  const started = performance.now();
  const articles = makeBenchArticles(articleCount);

  // Warm-up: TypeORM's query building and pg's parsers reach steady speed before the clock runs.
  const warmUp = makeBenchArticles(WARM_UP_ARTICLES, WARM_UP_SEED);
  await withDatabase(async (dataSource, url) => {
    await printHeader(dataSource, articles, repeats);
    // Twice: the second pass takes the redelivery path (no revisions, tag rows replaced).
    await upsertAll(dataSource, warmUp.slice(0, WARM_UP_ARTICLES / 2), 100);
    await upsertAll(dataSource, warmUp.slice(0, WARM_UP_ARTICLES / 2), 100);
    await copyAll(url, warmUp.slice(WARM_UP_ARTICLES / 2), WARM_UP_ARTICLES / 2 + 1);
  });

  const runs = new Map<RunName, Measurement[]>();
  const record = (name: RunName, measurement: Measurement): void => {
    runs.set(name, [...(runs.get(name) ?? []), measurement]);
  };
  for (let round = 1; round <= repeats; round++) {
    for (const size of BATCH_SIZES) {
      await withDatabase(async (dataSource) => {
        const repository = new ArticlesRepository(dataSource);
        record(
          `upsert ${size}`,
          await measure(dataSource, async () => {
            const revised = await upsertAll(dataSource, articles, size, repository);
            if (revised !== articles.length) throw new Error(`${revised} revised, not all new`);
            return childRowsOf(articles, { revisions: true });
          }),
        );
        await verify(dataSource, articles);
        record(
          `redelivery ${size}`,
          await measure(dataSource, async () => {
            const revised = await upsertAll(dataSource, articles, size, repository);
            if (revised !== 0) throw new Error(`a redelivery revised ${revised} articles`);
            return childRowsOf(articles, { revisions: false });
          }),
        );
        await verify(dataSource, articles);
      });
    }
    await withDatabase(async (dataSource, url) => {
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        record(
          'COPY',
          await measure(dataSource, async () => {
            await copyWith(client, articles, 1);
            return childRowsOf(articles, { revisions: true });
          }),
        );
      } finally {
        await client.end();
      }
      await verify(dataSource, articles);
    });
    console.error(`round ${round}/${repeats} done, ${elapsed(started)} s`);
  }

  printResults(runs, articles.length);
  console.log(`\nwhole run: ${elapsed(started)} s`);
}

/** A fresh database with the schema, for `work`; dropped afterwards whatever happens. */
async function withDatabase(
  work: (dataSource: DataSource, url: string) => Promise<void>,
): Promise<void> {
  const database = await createTempDatabase();
  try {
    const dataSource = createDataSource(database.url);
    await dataSource.initialize();
    try {
      await runMigrations(dataSource);
      await work(dataSource, database.url);
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await database.drop();
  }
}

/** Upserts the articles in batches of `size`, one after another as the store does; returns `revised`. */
async function upsertAll(
  dataSource: DataSource,
  articles: readonly ArticleEnrichedV1[],
  size: number,
  repository = new ArticlesRepository(dataSource),
): Promise<number> {
  let revised = 0;
  for (let start = 0; start < articles.length; start += size) {
    revised += (await repository.upsertMany(articles.slice(start, start + size))).revised;
  }
  return revised;
}

async function copyAll(
  url: string,
  articles: readonly ArticleEnrichedV1[],
  firstIngestSeq: number,
): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await copyWith(client, articles, firstIngestSeq);
  } finally {
    await client.end();
  }
}

/**
 * The ceiling: every table's rows by COPY FROM STDIN in one transaction, with no lock, no
 * lookup of what is there and no conflict handling. Encoding the rows is part of the timed work,
 * as building the INSERTs is for upsertMany. The ingest sequence is set past the numbers given.
 */
async function copyWith(
  client: Client,
  articles: readonly ArticleEnrichedV1[],
  firstIngestSeq: number,
): Promise<void> {
  await client.query('BEGIN');
  try {
    for (const table of COPY_TABLES) {
      await pipeline(
        Readable.from(copyChunks(table, articles, firstIngestSeq)),
        client.query(copyFrom(copyStatement(table))),
      );
    }
    await client.query(`SELECT setval('article_ingest_seq', $1)`, [
      firstIngestSeq + articles.length - 1,
    ]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

/** Times `write` (which returns the child rows it wrote) after a CHECKPOINT. */
async function measure(
  dataSource: DataSource,
  write: () => Promise<{ articles: number; childRows: number }>,
): Promise<Measurement> {
  await dataSource.query('CHECKPOINT');
  const serverBefore = await backendCpuTicks(dataSource);
  const clientBefore = process.cpuUsage();
  const start = performance.now();
  const rows = await write();
  const seconds = (performance.now() - start) / 1000;
  const client = process.cpuUsage(clientBefore);
  const serverAfter = await backendCpuTicks(dataSource);
  let serverTicks = 0;
  for (const [pid, ticks] of serverAfter) serverTicks += ticks - (serverBefore.get(pid) ?? 0);
  return {
    ...rows,
    seconds,
    clientCpuSeconds: (client.user + client.system) / 1e6,
    serverCpuSeconds: serverTicks / CLOCK_TICKS_PER_SECOND,
  };
}

/** Linux's USER_HZ, the unit of /proc/<pid>/stat's times: 100 on every common build. */
const CLOCK_TICKS_PER_SECOND = 100;

/**
 * CPU time (user + system, in clock ticks) of each backend connected to this database, from
 * /proc: the server runs on this machine. NaN where /proc does not show them (a remote server).
 */
async function backendCpuTicks(dataSource: DataSource): Promise<Map<number, number>> {
  const rows: { pid: number }[] = await dataSource.query(
    'SELECT pid FROM pg_stat_activity WHERE datname = current_database()',
  );
  const ticks = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      // The command name, field 2, is in parentheses and may hold spaces: count from after it.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks.set(pid, Number(fields[11]) + Number(fields[12]));
    } catch {
      ticks.set(pid, NaN);
    }
  }
  return ticks;
}

function childRowsOf(
  articles: readonly ArticleEnrichedV1[],
  { revisions }: { revisions: boolean },
): { articles: number; childRows: number } {
  const tags = articles.reduce(
    (sum, a) => sum + a.countries.length + a.topics.length + a.entities.length,
    0,
  );
  return { articles: articles.length, childRows: tags + (revisions ? articles.length : 0) };
}

/** Row counts of every table, and a sample of articles read back equal to what was written. */
async function verify(
  dataSource: DataSource,
  articles: readonly ArticleEnrichedV1[],
): Promise<void> {
  const [counts] = await dataSource.query<Record<string, number>[]>(
    `SELECT (SELECT count(*) FROM articles)::int AS articles,
            (SELECT count(*) FROM article_revisions)::int AS revisions,
            (SELECT count(*) FROM article_countries)::int AS countries,
            (SELECT count(*) FROM article_topics)::int AS topics,
            (SELECT count(*) FROM article_entities)::int AS entities`,
  );
  const sum = (of: (a: ArticleEnrichedV1) => unknown[]): number =>
    articles.reduce((total, a) => total + of(a).length, 0);
  const expected = {
    articles: articles.length,
    revisions: articles.length,
    countries: sum((a) => a.countries),
    topics: sum((a) => a.topics),
    entities: sum((a) => a.entities),
  };
  if (!isDeepStrictEqual(counts, expected)) {
    throw new Error(`rows ${JSON.stringify(counts)}, expected ${JSON.stringify(expected)}`);
  }
  const reader = new ArticlesReader(dataSource);
  const step = Math.max(1, Math.floor(articles.length / SAMPLE_READS));
  for (const article of articles.filter((_, index) => index % step === 0)) {
    if (!isDeepStrictEqual(await reader.findById(article.id), article)) {
      throw new Error(`article ${article.id} reads back different from what was written`);
    }
  }
}

async function printHeader(
  dataSource: DataSource,
  articles: readonly ArticleEnrichedV1[],
  repeats: number,
): Promise<void> {
  const [pg] = await dataSource.query<
    { version: string; sync: string; fsync: string; buffers: string }[]
  >(
    `SELECT current_setting('server_version') AS version,
            current_setting('synchronous_commit') AS sync,
            current_setting('fsync') AS fsync,
            current_setting('shared_buffers') AS buffers`,
  );
  const meanBodyChars = articles.reduce((sum, a) => sum + a.bodyText.length, 0) / articles.length;
  const perArticle = COPY_TABLES.map(
    (table) => `${articles[0] ? table.rowsOf(articles[0], 1).length : 0} ${table.name}`,
  );
  const cpu = cpus();
  console.log(
    `store bench: ${articles.length.toLocaleString('en')} enriched articles made from ` +
      `exampleArticleEnriched (${Math.round(meanBodyChars)} body characters on average); ` +
      `rows per article: ${perArticle.join(', ')}`,
  );
  console.log(
    `machine: ${cpu.length} x ${cpu[0]?.model ?? 'unknown CPU'}, ` +
      `${(totalmem() / 2 ** 30).toFixed(0)} GiB; node ${process.version}; Postgres ${pg?.version} ` +
      `on this machine (synchronous_commit ${pg?.sync}, fsync ${pg?.fsync}, ` +
      `shared_buffers ${pg?.buffers})`,
  );
  console.log(
    `each row: median of ${repeats} round${repeats === 1 ? '' : 's'}, each on a fresh database after a CHECKPOINT; ` +
      'upsertMany batches one after another\n',
  );
}

function printResults(runs: Map<RunName, Measurement[]>, articleCount: number): void {
  const median = (values: number[]): number =>
    quantile(
      [...values].sort((a, b) => a - b),
      0.5,
    );
  const summaries = [...runs].map(([name, measurements]) => {
    const seconds = measurements.map((m) => m.seconds);
    const first = measurements[0]!;
    const rows = first.articles + first.childRows;
    const s = median(seconds);
    return {
      name,
      first,
      rows,
      seconds: s,
      range: `${Math.min(...seconds).toFixed(2)}-${Math.max(...seconds).toFixed(2)}`,
      rowsPerSecond: rows / s,
      clientCpu: median(measurements.map((m) => m.clientCpuSeconds)),
      serverCpu: median(measurements.map((m) => m.serverCpuSeconds)),
    };
  });
  const copy = summaries.find((summary) => summary.name === 'COPY');
  const label = (name: RunName): string =>
    name === 'COPY'
      ? 'COPY FROM STDIN, one transaction (ceiling)'
      : name.startsWith('upsert')
        ? `upsertMany, new articles, batches of ${name.split(' ')[1]}`
        : `upsertMany, redelivery, batches of ${name.split(' ')[1]}`;
  for (const line of formatTable([
    [
      'run',
      'articles',
      'child rows',
      'rows',
      's',
      's min-max',
      'articles/s',
      'rows/s',
      'rows/s vs COPY',
      'node CPU s',
      'PG CPU s',
    ],
    ...summaries.map((summary) => [
      label(summary.name),
      summary.first.articles.toLocaleString('en'),
      summary.first.childRows.toLocaleString('en'),
      summary.rows.toLocaleString('en'),
      summary.seconds.toFixed(2),
      summary.range,
      (articleCount / summary.seconds).toFixed(0),
      summary.rowsPerSecond.toFixed(0),
      copy ? `${(summary.rowsPerSecond / copy.rowsPerSecond).toFixed(2)}x` : '-',
      summary.clientCpu.toFixed(2),
      Number.isNaN(summary.serverCpu) ? '-' : summary.serverCpu.toFixed(2),
    ]),
  ]))
    console.log(line);
  console.log(
    '\nchild rows: revisions, countries, topics and entities (a redelivery adds no revision; ' +
      'the tag rows it deletes first are not counted). PG CPU: the database backends, from /proc.',
  );
}

function positiveInteger(value: string | undefined, fallback: number): number {
  const parsed = value === undefined ? fallback : Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`bad number "${value}"; ${USAGE}`);
  return parsed;
}

function elapsed(started: number): string {
  return ((performance.now() - started) / 1000).toFixed(1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
