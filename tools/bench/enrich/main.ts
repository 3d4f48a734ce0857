/**
 * `npm run bench:enrich [-- --passes N]`: articles per second and peak memory of
 * @newsflow/enrichment on real article texts, and the micro precision, recall and F1 of its
 * article-level countries on GeoWebNews.
 *
 * There are 381 real texts (200 GeoWebNews bodies, 181 article-extraction-benchmark bodies), so
 * the timed run makes several passes over them to reach a few thousand articles.
 * Each row runs in its own child process (this script, forked with --child NAME), so its peak RSS
 * is its own; the children run one after another so they never compete for the CPU.
 */
import { parseArgs } from 'node:util';
import { formatTable, quantile } from '../bench-table';
import { runReportingChild } from '../child-run';
import { scoreCountries } from './country-score';
import { LABELLED_ARTICLES_FILE, loadLabelledArticles, scoreEntities } from './entity-score';
import { EXTRACTION_DATASET_DIR, GEOWEBNEWS_FILE, loadBenchTexts } from './enrich-dataset';

const RUNS = ['startup', 'tagText', 'tagCountriesOnly'] as const;
type RunName = (typeof RUNS)[number];

/** A fresh process: loading the library, then its first calls, which build the gazetteer. */
interface StartupReport {
  run: 'startup';
  importMs: number;
  firstCallMs: number;
  secondCallMs: number;
  maxRssKb: number;
}

/** Timed passes over every text, after a warm-up pass. */
interface ThroughputReport {
  run: 'tagText' | 'tagCountriesOnly';
  articleMs: number[];
  totalMs: number;
  cpuMs: number;
  maxRssKb: number;
  /** Country codes per GeoWebNews article, from the first timed pass. */
  countries: Record<string, string[]>;
  /** CPU ms per text of language detection (tinyld), for callers that do not know it. */
  detectCpuMs: number;
}

type RunReport = StartupReport | ThroughputReport;

const DEFAULT_PASSES = 10;
/** Ask of the throughput issue: countries, topics and entities, per CPU-second. */
const TARGET_FULL_PER_CPU_SECOND = 500;
/** Ask of the issue: the country tagger, on one core. */
const TARGET_ARTICLES_PER_SECOND = 2_000;
/** Short, so that the first call's time is start-up cost rather than work on the text. */
const STARTUP_TEXT = 'Ministers from France and Kenya met in Nairobi on Monday.';

const USAGE = 'usage: main.js [--passes N]';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { passes: { type: 'string' }, child: { type: 'string' } },
  });
  const passes = passCount(values.passes);
  if (values.child !== undefined) return runChild(runName(values.child), passes);

  const started = performance.now();
  const startup = await runInChild('startup', passes);
  const throughput = await runInChild('tagText', passes);
  const countriesOnly = await runInChild('tagCountriesOnly', passes);
  if (startup.run !== 'startup' || throughput.run === 'startup' || countriesOnly.run === 'startup')
    throw new Error('mixed-up runs');

  const texts = loadBenchTexts();
  const meanChars = texts.reduce((sum, { text }) => sum + text.length, 0) / texts.length;
  const geoWebNews = texts.filter((text) => text.countries !== undefined);
  console.log(
    `enrichment bench: ${texts.length} real texts (${geoWebNews.length} GeoWebNews bodies, ` +
      `${texts.length - geoWebNews.length} article-extraction-benchmark bodies; ` +
      `${Math.round(meanChars)} characters on average)`,
  );
  console.log(`  ${GEOWEBNEWS_FILE}\n  ${EXTRACTION_DATASET_DIR}/ground-truth.json`);
  console.log(
    `${passes} timed pass${passes === 1 ? '' : 'es'} over them = ${throughput.articleMs.length.toLocaleString('en')} articles, after a ` +
      `warm-up pass; node ${process.version}, one child process per row, body text only\n`,
  );

  const rate = countriesOnly.articleMs.length / (countriesOnly.totalMs / 1000);
  // Wall-clock rates follow whatever else the machine runs: a CPU/wall well under 1 says the
  // process was starved. Per CPU-second is steadier under load, but counts V8's parallel GC
  // threads too, so it reads lower than one dedicated core would give.
  const cpuRate = countriesOnly.articleMs.length / (countriesOnly.cpuMs / 1000);
  for (const line of formatTable([
    [
      'run',
      'articles',
      'articles/s',
      'articles/CPU-s',
      'median ms',
      'p90 ms',
      'peak RSS MB',
      'CPU/wall',
    ],
    ['tagText (countries, topics, entities)', ...throughputCells(throughput)],
    ['tagCountriesOnly (country tagger alone)', ...throughputCells(countriesOnly)],
  ]))
    console.log(line);
  console.log('');

  for (const line of formatTable([
    ['start-up (fresh process)', 'import ms', 'first call ms', 'second call ms', 'peak RSS MB'],
    [
      'tagText on one sentence',
      startup.importMs.toFixed(0),
      startup.firstCallMs.toFixed(0),
      startup.secondCallMs.toFixed(1),
      megabytes(startup.maxRssKb),
    ],
  ]))
    console.log(line);
  console.log(
    '  the first call builds the gazetteer (the library does not expose its build alone): ' +
      `about ${(startup.firstCallMs - startup.secondCallMs).toFixed(0)} ms of start-up\n`,
  );

  const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
  for (const report of [throughput, countriesOnly]) {
    const score = scoreCountries(
      geoWebNews.map((text) => ({
        expected: text.countries ?? [],
        predicted: report.countries[text.id] ?? [],
      })),
    );
    console.log(
      `GeoWebNews dev, ${score.articles} articles, article-level countries (micro), ${report.run}: ` +
        `P ${pct(score.precision)}  R ${pct(score.recall)}  F1 ${pct(score.f1)} ` +
        `(TP ${score.truePositives}, FP ${score.falsePositives}, FN ${score.falseNegatives})`,
    );
  }
  const fullRate = throughput.articleMs.length / (throughput.cpuMs / 1000);
  console.log(
    `target >= ${TARGET_FULL_PER_CPU_SECOND} articles per CPU-second for full tagging: tagText runs ` +
      `${fullRate.toFixed(0)} (${(fullRate / TARGET_FULL_PER_CPU_SECOND).toFixed(2)}x); language ` +
      `detection (tinyld), for a caller that does not know the language, adds ` +
      `${throughput.detectCpuMs.toFixed(2)} CPU ms a text`,
  );
  await printEntityScores();
  console.log(
    `target >= ${TARGET_ARTICLES_PER_SECOND.toLocaleString('en')} articles/s for the country ` +
      `tagger: tagCountriesOnly runs ${rate.toFixed(0)} articles/s ` +
      `(${(rate / TARGET_ARTICLES_PER_SECOND).toFixed(2)}x the target) at CPU/wall ` +
      `${(countriesOnly.cpuMs / countriesOnly.totalMs).toFixed(2)}; ${cpuRate.toFixed(0)} per CPU-second`,
  );
  console.log(`\nwhole run: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** People and organisations against the hand labels kept in the repository. */
async function printEntityScores(): Promise<void> {
  const { tagText } = await import('@newsflow/enrichment');
  const articles = loadLabelledArticles();
  const entities = new Map(articles.map((article) => [article.id, tagText(article).entities]));
  const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
  for (const set of ['development', 'held-out'] as const) {
    const chosen = articles.filter((article) => article.labelledIn === set);
    for (const kind of ['person', 'organisation'] as const) {
      const score = scoreEntities(chosen, (article) => entities.get(article.id) ?? [], kind);
      console.log(
        `entities, ${LABELLED_ARTICLES_FILE} (${chosen.length} ${set} articles), ${kind}: ` +
          `P ${pct(score.precision)}  R ${pct(score.recall)}  F1 ${pct(score.f1)} ` +
          `(${score.labelled} labelled, ${score.found} found)`,
      );
    }
  }
}

function passCount(value: string | undefined): number {
  const passes = value === undefined ? DEFAULT_PASSES : Number(value);
  if (!Number.isInteger(passes) || passes < 1) throw new Error(`bad --passes "${value}"; ${USAGE}`);
  return passes;
}

function runName(name: string): RunName {
  const run = RUNS.find((known) => known === name);
  if (run === undefined) throw new Error(`unknown run "${name}"; ${USAGE}`);
  return run;
}

async function runChild(run: RunName, passes: number): Promise<void> {
  const report = run === 'startup' ? await measureStartup() : await measureThroughput(run, passes);
  process.send?.(report, undefined, undefined, () => process.disconnect());
}

async function measureStartup(): Promise<StartupReport> {
  const importStart = performance.now();
  // Imported here, not at the top, so that loading the library is timed and the parent skips it.
  const { tagText } = await import('@newsflow/enrichment');
  const importMs = performance.now() - importStart;
  const firstCallMs = timed(() => tagText({ text: STARTUP_TEXT }));
  const secondCallMs = timed(() => tagText({ text: STARTUP_TEXT }));
  return {
    run: 'startup',
    importMs,
    firstCallMs,
    secondCallMs,
    maxRssKb: process.resourceUsage().maxRSS,
  };
}

/**
 * Texts are all in memory before the clock starts, so that only tagging is timed. Each goes in
 * with its language, as the enricher stage calls tagText: the parser has detected it already
 * (an article whose language the parser could not tell carries null, and is not detected
 * again). Detection is timed on its own, beside.
 */
async function measureThroughput(
  run: ThroughputReport['run'],
  passes: number,
): Promise<ThroughputReport> {
  const library = await import('@newsflow/enrichment');
  const texts = loadBenchTexts().map((text) => ({
    ...text,
    language: library.detectTextLanguage(text.text),
  }));
  const countriesOf =
    run === 'tagText'
      ? (text: string, language: string | null) => library.tagText({ text, language }).countries
      : (text: string) => library.tagCountriesOnly({ text });
  // Warm-up: the enricher is long-running, so steady-state (JIT-compiled) speed is what counts.
  for (const { text, language } of texts) countriesOf(text, language);

  const articleMs: number[] = [];
  const countries: Record<string, string[]> = {};
  const cpuStart = process.cpuUsage();
  const loopStart = performance.now();
  for (let pass = 0; pass < passes; pass++) {
    for (const text of texts) {
      const start = performance.now();
      const found = countriesOf(text.text, text.language);
      articleMs.push(performance.now() - start);
      if (pass === 0 && text.countries !== undefined)
        countries[text.id] = found.map((country) => country.code);
    }
  }
  const totalMs = performance.now() - loopStart;
  const cpu = process.cpuUsage(cpuStart);
  const detectStart = process.cpuUsage();
  for (const { text } of texts) library.detectTextLanguage(text);
  const detectCpu = process.cpuUsage(detectStart);
  return {
    run,
    detectCpuMs: (detectCpu.user + detectCpu.system) / 1000 / texts.length,
    articleMs,
    totalMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    maxRssKb: process.resourceUsage().maxRSS,
    countries,
  };
}

function timed(work: () => unknown): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

function runInChild(run: RunName, passes: number): Promise<RunReport> {
  return runReportingChild<RunReport>(__filename, ['--child', run, '--passes', String(passes)]);
}

/** CPU/wall above 1 means work beside the main thread (the garbage collector's helpers). */
function throughputCells(report: ThroughputReport): string[] {
  const sorted = [...report.articleMs].sort((a, b) => a - b);
  return [
    report.articleMs.length.toLocaleString('en'),
    (report.articleMs.length / (report.totalMs / 1000)).toFixed(0),
    (report.articleMs.length / (report.cpuMs / 1000)).toFixed(0),
    quantile(sorted, 0.5).toFixed(2),
    quantile(sorted, 0.9).toFixed(2),
    megabytes(report.maxRssKb),
    (report.cpuMs / report.totalMs).toFixed(2),
  ];
}

function megabytes(kilobytes: number): string {
  return (kilobytes / 1024).toFixed(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
