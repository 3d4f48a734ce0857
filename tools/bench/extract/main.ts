/**
 * `npm run bench:extract [-- --only NAME] [--worst N] [--dump DIR]`: article-body quality and
 * speed of our extractor against Mozilla Readability, on the 181 pages of the
 * article-extraction-benchmark, scored with its own metric.
 *
 * Each extractor runs in its own child process (this script, forked with --child NAME), so its
 * peak RSS is its own; the children run one after another so they never compete for the CPU.
 * They run in rounds, each extractor once a round (`--rounds`, 3 by default): on a shared machine
 * the speed of everything swings from minute to minute, and a ratio between two runs a few seconds
 * apart in the same round swings far less than the rates themselves. The table gives each
 * extractor's median round; the comparison line gives the ratio of each round.
 * The parent scores the predictions and prints the table.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatTable, quantile } from '../bench-table';
import { runReportingChild } from '../child-run';
import { evaluate } from './article-body-metric';
import type { ArticleBodyScore } from './article-body-metric';
import { DATASET_DIR, loadGroundTruth, loadPages, loadPublished } from './benchmark-dataset';
import { EXTRACTORS, isExtractorName } from './extractors';
import type { ExtractorName } from './extractors';

/** What a child reports back over IPC. */
interface RunReport {
  name: ExtractorName;
  pageMs: number[];
  totalMs: number;
  /**
   * CPU time (user + system) of the timed passes: what other processes on the machine barely
   * move.
   */
  cpuMs: number;
  maxRssKb: number;
  /**
   * Live heap after a full collection, after the timed passes and after `--heap-passes` more
   * (MORE_PASSES in the first round, none after).
   */
  heapMb: { first: number; last: number };
  predictions: Record<string, string>;
}

/**
 * Passes over all pages after the timed ones, in the first round: a leak shows as a heap that
 * grows with them.
 */
const MORE_PASSES = 5;
const DEFAULT_ROUNDS = 3;
/**
 * The timed passes of a child last at least this long: one pass of ours takes about a second, and
 * a second of contention from elsewhere on a shared machine moves a rate measured over one.
 */
const MIN_TIMED_MS = 3000;

const USAGE =
  'usage: main.js [--only newsflow|readability|htmlparser2|newsflow-parse] [--rounds N] [--worst N] [--dump DIR]';

/** The rows that time parsing alone: they extract no body to score. */
const PARSE_ONLY: readonly ExtractorName[] = ['htmlparser2', 'newsflow-parse'];

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      worst: { type: 'string' },
      dump: { type: 'string' },
      rounds: { type: 'string' },
      child: { type: 'string' },
      'heap-passes': { type: 'string' },
    },
  });
  if (values.child !== undefined) {
    return runChild(extractorName(values.child), Number(values['heap-passes'] ?? 0));
  }

  const started = performance.now();
  const names = (values.only === undefined ? Object.keys(EXTRACTORS) : [values.only]).map(
    extractorName,
  );
  const rounds = Number(values.rounds ?? DEFAULT_ROUNDS);
  if (!Number.isInteger(rounds) || rounds < 1)
    throw new Error(`--rounds must be 1 or more; ${USAGE}`);
  const runs = new Map<ExtractorName, RunReport[]>(names.map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    for (const name of names) {
      // The heap is followed over more passes in the first round only: it does not change.
      runs.get(name)?.push(await runInChild(name, round === 0 ? MORE_PASSES : 0));
    }
  }

  const truth = loadGroundTruth();
  const scored = [...runs.values()].map((reports) => ({
    reports,
    report: medianRun(reports),
    score: evaluate(truth, reports[0]?.predictions ?? {}),
  }));
  const published = (['readability_js', 'trafilatura'] as const).map((tool) => ({
    tool,
    score: evaluate(truth, loadPublished(tool)),
  }));

  console.log(`article-extraction-benchmark: ${Object.keys(truth).length} pages, ${DATASET_DIR}`);
  console.log(
    `node ${process.version}; each extractor's median of ${rounds} round(s), each round whole passes for at least ${MIN_TIMED_MS / 1000} s after a warm-up pass\n`,
  );
  printTable([
    [
      'extractor',
      'precision',
      'recall',
      'F1',
      'accuracy',
      'median ms',
      'p90 ms',
      'pages/s',
      'pages/CPU-s',
      'peak RSS MB',
      `heap MB before/after ${MORE_PASSES} more passes`,
    ],
    ...scored.map(({ reports, report, score }) => [
      report.name,
      ...(PARSE_ONLY.includes(report.name) ? ['-', '-', '-', '-'] : metricCells(score)),
      ...speedCells(report, reports),
    ]),
    ...published.map(({ tool, score }) => [
      `${tool} (published)`,
      ...metricCells(score),
      ...['-', '-', '-', '-', '-', '-'],
    ]),
  ]);

  const ours = scored.find(({ report }) => report.name === 'newsflow');
  const peer = scored.find(({ report }) => report.name === 'readability');
  if (ours && peer) printComparison(ours.reports, peer.reports);
  if (ours && values.worst !== undefined) printWorst(ours.score, Number(values.worst));
  if (ours && values.dump !== undefined) dump(ours.report.predictions, values.dump);
  console.log(`\nwhole run: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

function extractorName(name: string): ExtractorName {
  if (!isExtractorName(name)) throw new Error(`unknown extractor "${name}"; ${USAGE}`);
  return name;
}

/**
 * Wall-clock rates swing with whatever else the machine runs while each child has its turn; CPU
 * time is each child's own work, so its ratio is the one to compare runs by. Each round's ratio
 * compares two children that ran seconds apart.
 */
function printComparison(ours: RunReport[], peer: RunReport[]): void {
  const cpuRatios = ours.map((run, round) => cpuRate(run) / cpuRate(peer[round] ?? run));
  const wallRatios = ours.map((run, round) => wallRate(run) / wallRate(peer[round] ?? run));
  const list = (ratios: number[]): string =>
    ratios.map((ratio) => `${ratio.toFixed(1)}x`).join(', ');
  console.log(
    `\nnewsflow against readability, round by round: ${list(cpuRatios)} the pages per CPU-second ` +
      `(${list(wallRatios)} the wall-clock pages/s); lowest ${Math.min(...cpuRatios).toFixed(1)}x, ` +
      `median ${median(cpuRatios).toFixed(1)}x per CPU-second. Peak RSS ` +
      `${(maxRssKb(ours) / maxRssKb(peer)).toFixed(2)}x Readability's`,
  );
}

const wallRate = (run: RunReport): number => run.pageMs.length / run.totalMs;
const cpuRate = (run: RunReport): number => run.pageMs.length / run.cpuMs;
const maxRssKb = (runs: RunReport[]): number => Math.max(...runs.map((run) => run.maxRssKb));

function median(values: number[]): number {
  return quantile(
    [...values].sort((a, b) => a - b),
    0.5,
  );
}

/** The round with the median CPU rate: the table's speed figures come from it. */
function medianRun(runs: RunReport[]): RunReport {
  const sorted = [...runs].sort((a, b) => cpuRate(a) - cpuRate(b));
  const run = sorted[Math.floor((sorted.length - 1) / 2)];
  if (run === undefined) throw new Error('no runs to report');
  return run;
}

/** In the child: load every page into memory first, so that only extraction is timed. */
function runChild(name: ExtractorName, heapPasses: number): void {
  const extract = EXTRACTORS[name];
  const pages = loadPages();
  // Warm-up: the parser service is long-running, so steady-state (JIT-compiled) speed is what counts.
  for (const page of pages) extract(page);

  const pageMs: number[] = [];
  const predictions: Record<string, string> = {};
  const cpuStart = process.cpuUsage();
  const loopStart = performance.now();
  // Whole passes until the timed section is long enough; the first pass gives the predictions.
  for (let pass = 0; pass === 0 || performance.now() - loopStart < MIN_TIMED_MS; pass++) {
    for (const page of pages) {
      const start = performance.now();
      const body = extract(page);
      pageMs.push(performance.now() - start);
      if (pass === 0) predictions[page.id] = body;
    }
  }
  const totalMs = performance.now() - loopStart;
  const cpu = process.cpuUsage(cpuStart);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const first = liveHeapMb();
  for (let pass = 0; pass < heapPasses; pass++) for (const page of pages) extract(page);
  const last = heapPasses > 0 ? liveHeapMb() : first;

  const report: RunReport = {
    name,
    pageMs,
    totalMs,
    cpuMs,
    maxRssKb: process.resourceUsage().maxRSS,
    heapMb: { first, last },
    predictions,
  };
  process.send?.(report, undefined, undefined, () => process.disconnect());
}

/** The child runs with --expose-gc, so this is the heap still reachable, not garbage. */
function liveHeapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

function runInChild(name: ExtractorName, heapPasses: number): Promise<RunReport> {
  return runReportingChild<RunReport>(
    __filename,
    ['--child', name, '--heap-passes', String(heapPasses)],
    ['--expose-gc'],
  );
}

function metricCells(score: ArticleBodyScore): string[] {
  return [score.precision, score.recall, score.f1, score.accuracy].map((value) => value.toFixed(3));
}

/** Times and rates from the median round; peak RSS over all rounds; the heap from the first. */
function speedCells(report: RunReport, runs: RunReport[]): string[] {
  const sorted = [...report.pageMs].sort((a, b) => a - b);
  const heap = runs[0]?.heapMb ?? report.heapMb;
  return [
    quantile(sorted, 0.5).toFixed(2),
    quantile(sorted, 0.9).toFixed(2),
    (wallRate(report) * 1000).toFixed(0),
    (cpuRate(report) * 1000).toFixed(0),
    (maxRssKb(runs) / 1024).toFixed(0),
    `${heap.first.toFixed(0)} / ${heap.last.toFixed(0)}`,
  ];
}

function printTable(rows: string[][]): void {
  for (const line of formatTable(rows)) console.log(line);
}

function printWorst(score: ArticleBodyScore, count: number): void {
  const worst = [...score.perPage].sort((a, b) => a.f1 - b.f1).slice(0, count);
  console.log(`\nnewsflow: the ${worst.length} pages with the lowest F1`);
  printTable([
    ['id', 'F1', 'precision', 'recall'],
    ...worst.map((page) => [
      page.id,
      page.f1.toFixed(3),
      page.precision?.toFixed(3) ?? 'empty',
      page.recall?.toFixed(3) ?? '-',
    ]),
  ]);
}

function dump(predictions: Record<string, string>, dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const [id, body] of Object.entries(predictions)) {
    writeFileSync(resolve(dir, `${id}.txt`), body);
  }
  console.log(`\nnewsflow bodies written to ${resolve(dir)}/<id>.txt`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
