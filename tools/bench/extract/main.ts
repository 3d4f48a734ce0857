/**
 * `npm run bench:extract [-- --only NAME] [--worst N] [--dump DIR]`: article-body quality and
 * speed of our extractor against Mozilla Readability, on the 181 pages of the
 * article-extraction-benchmark, scored with its own metric.
 *
 * Each extractor runs in its own child process (this script, forked with --child NAME), so its
 * peak RSS is its own; the children run one after another so they never compete for the CPU.
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
  /** CPU time (user + system) of the timed pass: what other processes on the machine barely move. */
  cpuMs: number;
  maxRssKb: number;
  /** Live heap after a full collection, after the timed pass and after MORE_PASSES more. */
  heapMb: { first: number; last: number };
  predictions: Record<string, string>;
}

/** Passes over all pages after the timed one: a leak shows as a heap that grows with them. */
const MORE_PASSES = 5;

const USAGE =
  'usage: main.js [--only newsflow|readability|htmlparser2|newsflow-parse] [--worst N] [--dump DIR]';

/** The rows that time parsing alone: they extract no body to score. */
const PARSE_ONLY: readonly ExtractorName[] = ['htmlparser2', 'newsflow-parse'];

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      worst: { type: 'string' },
      dump: { type: 'string' },
      child: { type: 'string' },
    },
  });
  if (values.child !== undefined) return runChild(extractorName(values.child));

  const started = performance.now();
  const names = values.only === undefined ? Object.keys(EXTRACTORS) : [values.only];
  const reports: RunReport[] = [];
  for (const name of names) reports.push(await runInChild(extractorName(name)));

  const truth = loadGroundTruth();
  const scored = reports.map((report) => ({ report, score: evaluate(truth, report.predictions) }));
  const published = (['readability_js', 'trafilatura'] as const).map((tool) => ({
    tool,
    score: evaluate(truth, loadPublished(tool)),
  }));

  console.log(`article-extraction-benchmark: ${Object.keys(truth).length} pages, ${DATASET_DIR}`);
  console.log(`node ${process.version}, times from one pass after a warm-up pass\n`);
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
      `heap MB after 1/${MORE_PASSES + 1} passes`,
    ],
    ...scored.map(({ report, score }) => [
      report.name,
      ...(PARSE_ONLY.includes(report.name) ? ['-', '-', '-', '-'] : metricCells(score)),
      ...speedCells(report),
    ]),
    ...published.map(({ tool, score }) => [
      `${tool} (published)`,
      ...metricCells(score),
      ...['-', '-', '-', '-', '-', '-'],
    ]),
  ]);

  const ours = scored.find(({ report }) => report.name === 'newsflow');
  const peer = scored.find(({ report }) => report.name === 'readability');
  if (ours && peer) {
    const rate = (report: RunReport): number => report.pageMs.length / report.totalMs;
    const cpuRate = (report: RunReport): number => report.pageMs.length / report.cpuMs;
    // Wall-clock rates swing with whatever else the machine runs while each child has its turn;
    // CPU time is each child's own work, so its ratio is the one to compare runs by.
    console.log(
      `\nnewsflow against readability in this run: ${(cpuRate(ours.report) / cpuRate(peer.report)).toFixed(1)}x the pages per CPU-second ` +
        `(${(rate(ours.report) / rate(peer.report)).toFixed(1)}x the wall-clock pages/s), ` +
        `${(ours.report.maxRssKb / peer.report.maxRssKb).toFixed(2)}x the peak RSS`,
    );
  }
  if (ours && values.worst !== undefined) printWorst(ours.score, Number(values.worst));
  if (ours && values.dump !== undefined) dump(ours.report.predictions, values.dump);
  console.log(`\nwhole run: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

function extractorName(name: string): ExtractorName {
  if (!isExtractorName(name)) throw new Error(`unknown extractor "${name}"; ${USAGE}`);
  return name;
}

/** In the child: load every page into memory first, so that only extraction is timed. */
function runChild(name: ExtractorName): void {
  const extract = EXTRACTORS[name];
  const pages = loadPages();
  // Warm-up: the parser service is long-running, so steady-state (JIT-compiled) speed is what counts.
  for (const page of pages) extract(page);

  const pageMs: number[] = [];
  const predictions: Record<string, string> = {};
  const cpuStart = process.cpuUsage();
  const loopStart = performance.now();
  for (const page of pages) {
    const start = performance.now();
    predictions[page.id] = extract(page);
    pageMs.push(performance.now() - start);
  }
  const totalMs = performance.now() - loopStart;
  const cpu = process.cpuUsage(cpuStart);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const first = liveHeapMb();
  for (let pass = 0; pass < MORE_PASSES; pass++) for (const page of pages) extract(page);
  const last = liveHeapMb();

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

function runInChild(name: ExtractorName): Promise<RunReport> {
  return runReportingChild<RunReport>(__filename, ['--child', name], ['--expose-gc']);
}

function metricCells(score: ArticleBodyScore): string[] {
  return [score.precision, score.recall, score.f1, score.accuracy].map((value) => value.toFixed(3));
}

function speedCells(report: RunReport): string[] {
  const sorted = [...report.pageMs].sort((a, b) => a - b);
  return [
    quantile(sorted, 0.5).toFixed(2),
    quantile(sorted, 0.9).toFixed(2),
    (report.pageMs.length / (report.totalMs / 1000)).toFixed(0),
    (report.pageMs.length / (report.cpuMs / 1000)).toFixed(0),
    (report.maxRssKb / 1024).toFixed(0),
    `${report.heapMb.first.toFixed(0)} / ${report.heapMb.last.toFixed(0)}`,
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
