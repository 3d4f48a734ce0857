import { performance } from 'node:perf_hooks';
import { StoriesRepository, createDataSource, runMigrations } from '@newsflow/persistence';
import { createTempDatabase, seededRandom } from '@newsflow/testing';
import type { DataSource } from 'typeorm';
import { formatTable, quantile } from '../bench-table';
import type { Enrichment } from './enrichment-library';
import type { BenchArticle } from './labelled-pairs';
import { COPY_SHARE, syntheticArticles } from './synthetic-articles';

/** Assignments in flight at once: four enricher replicas' worth. */
const CONCURRENCY = Number(process.env.STORIES_BENCH_CONCURRENCY ?? 4);
/** Read-only lookups timed at each checkpoint, with articles never stored. */
const PROBES = 500;
/** The assignments before each checkpoint whose times are reported. */
const TIMED_TAIL = 1_000;

interface Outcome {
  ms: number;
  storyId: string | null;
  copyOf?: string;
}

/**
 * The story index at scale through the real repository: `total` synthetic articles assigned,
 * CONCURRENCY at a time, into a scratch database (stories_bench_<random>, dropped at the end);
 * at 1k, 10k and `total`: rows, sizes, the last TIMED_TAIL assignments' time (signature and
 * assign) and PROBES lookups of the candidates alone.
 */
export async function measureIndex(
  lib: Enrichment,
  benchmark: readonly BenchArticle[],
  total: number,
): Promise<void> {
  const database = await createTempDatabase('stories_bench');
  const dataSource = createDataSource(database.url);
  try {
    await dataSource.initialize();
    await runMigrations(dataSource);
    await run(lib, dataSource, benchmark, total);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.drop();
  }
}

async function run(
  lib: Enrichment,
  dataSource: DataSource,
  benchmark: readonly BenchArticle[],
  total: number,
) {
  const stories = new StoriesRepository(dataSource);
  const next = syntheticArticles(lib, benchmark, seededRandom(100));
  const probes = syntheticArticles(lib, benchmark, seededRandom(200));
  const outcomes: Outcome[] = [];
  const checkpoints = [1_000, 10_000, total].filter(
    (n, i, all) => n <= total && all.indexOf(n) === i,
  );
  const rows = [
    [
      'articles',
      'stories',
      'band rows',
      'bands MB',
      'index MB',
      'all MB',
      'assign p50 ms',
      'p95',
      'lookup p50 ms',
      'p95',
      'copies joined',
      'wrong joins',
    ],
  ];
  let made = 0;
  const started = performance.now();
  for (const checkpoint of checkpoints) {
    const worker = async () => {
      while (made < checkpoint) {
        const index = made;
        const article = next(index);
        made += 1;
        const t0 = performance.now();
        const keys = lib.storySignature(article.body);
        const assigned =
          keys === null
            ? null
            : await stories.assign(
                article.id,
                keys,
                (candidates) => lib.chooseStory(keys.signature, candidates),
                lib.MAX_STORY_CANDIDATES,
              );
        outcomes[index] = {
          ms: performance.now() - t0,
          storyId: assigned?.storyId ?? null,
          copyOf: article.copyOf,
        };
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    await dataSource.query('ANALYZE story_bands; ANALYZE stories; ANALYZE story_members');

    const lookups: number[] = [];
    for (let i = 0; i < PROBES; i += 1) {
      const keys = lib.storySignature(probes(i).body);
      if (keys === null) continue;
      const t0 = performance.now();
      await stories.candidates(
        keys.bands.map((band) => band.key),
        lib.MAX_STORY_CANDIDATES,
      );
      lookups.push(performance.now() - t0);
    }
    const [counts] = await dataSource.query<Record<string, string>[]>(
      `SELECT (SELECT count(*) FROM stories) AS stories, (SELECT count(*) FROM story_bands) AS bands,
              pg_table_size('story_bands') AS band_bytes, pg_indexes_size('story_bands') AS index_bytes,
              pg_total_relation_size('story_bands') + pg_total_relation_size('stories')
                + pg_total_relation_size('story_members') AS all_bytes`,
    );
    const storyOf = new Map(outcomes.map((o, i) => [`synthetic-${i}`, o.storyId]));
    const copies = outcomes.filter((o) => o.copyOf !== undefined);
    const joined = copies.filter(
      (o) => o.storyId !== null && o.storyId === storyOf.get(o.copyOf ?? ''),
    ).length;
    const originals = outcomes.filter(
      (o, i) => o.copyOf === undefined && o.storyId !== `synthetic-${i}`,
    ).length;
    // Only while they are assigned does each article's time reflect the index's size then.
    const tail = outcomes
      .slice(-TIMED_TAIL)
      .map((o) => o.ms)
      .sort((a, b) => a - b);
    const sortedLookups = lookups.sort((a, b) => a - b);
    const mb = (bytes: string | undefined) => (Number(bytes) / 1_048_576).toFixed(1);
    rows.push([
      String(outcomes.length),
      counts?.stories ?? '',
      counts?.bands ?? '',
      mb(counts?.band_bytes),
      mb(counts?.index_bytes),
      mb(counts?.all_bytes),
      quantile(tail, 0.5).toFixed(2),
      quantile(tail, 0.95).toFixed(2),
      quantile(sortedLookups, 0.5).toFixed(2),
      quantile(sortedLookups, 0.95).toFixed(2),
      `${joined}/${copies.length}`,
      String(originals),
    ]);
    console.log(
      `  ... ${outcomes.length} articles assigned, ${((performance.now() - started) / 1000).toFixed(0)} s`,
    );
  }
  const [plan] = await dataSource.query<{ 'QUERY PLAN': unknown }[]>(
    `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) SELECT story_id, count(*) FROM story_bands
     WHERE band_key = ANY($1::bigint[]) GROUP BY story_id`,
    [lib.storySignature(probes(PROBES + 1).body)?.bands.map((band) => band.key) ?? []],
  );
  console.log(
    `\nthe story index, ${CONCURRENCY} assignments at a time (synthetic articles from the benchmark's words, ${100 * COPY_SHARE}% of them syndicated copies of an earlier one); wrong joins: distinct articles given another's story`,
  );
  for (const line of formatTable(rows)) console.log(`  ${line}`);
  console.log(
    `\ncandidate lookup at ${outcomes.length} articles: ${planSummary(plan?.['QUERY PLAN'])}`,
  );
}

/** The plan's scan nodes and the buffers read, from EXPLAIN (FORMAT JSON). */
function planSummary(plan: unknown): string {
  const nodes: string[] = [];
  const walk = (node: Record<string, unknown>) => {
    if (String(node['Node Type']).includes('Scan')) {
      nodes.push(
        `${String(node['Node Type'])}${typeof node['Index Name'] === 'string' ? ` on ${node['Index Name']}` : ''}`,
      );
    }
    for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) walk(child);
  };
  const top = (plan as { Plan: Record<string, unknown>; 'Execution Time': number }[])[0];
  if (top === undefined) return 'no plan';
  walk(top.Plan);
  const hit =
    Number(top.Plan['Shared Hit Blocks'] ?? 0) + Number(top.Plan['Shared Read Blocks'] ?? 0);
  return `${nodes.join(', ')}; ${hit} buffers; ${top['Execution Time'].toFixed(2)} ms`;
}
