/**
 * `npm run bench:stories [-- --index] [--articles N]`: how well stories group syndicated copies
 * and keep distinct stories apart, and what the story index costs.
 *
 * 1. Labelled pairs from the article-extraction-benchmark's 181 true article bodies (MIT), read in
 *    place from ../shared: each body against its syndicated variants (story-variants.ts) is one
 *    story; every two distinct bodies are two, the same-topic ones and each body's closest by
 *    words marked. Printed: similarity by variant, precision and recall over thresholds, and the
 *    time to sign an article.
 * 2. `--index` (Postgres at DATABASE_URL's server): synthetic articles built from the benchmark's
 *    words go through StoriesRepository.assign into a scratch database; at 1k, 10k and 100k
 *    articles (`--articles` for the last): rows, sizes, assignment and lookup time p50/p95.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { formatTable, quantile } from '../bench-table';
import { loadEnrichment } from './enrichment-library';
import type { Enrichment } from './enrichment-library';
import { measureIndex } from './index-scale';
import { GROUND_TRUTH, labelledPairs, loadBenchmarkArticles } from './labelled-pairs';
import type { BenchArticle } from './labelled-pairs';
import { scoreThresholds } from './pair-score';
import { VARIANT_KINDS } from './story-variants';

const THRESHOLDS = [0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6, 0.7, 0.8];

const fixed = (value: number, digits = 3) => value.toFixed(digits);
const sorted = (values: number[]) => [...values].sort((a, b) => a - b);

function printPairs(lib: Enrichment, articles: readonly BenchArticle[]): void {
  const { MIN_STORY_WORDS, SAME_STORY_THRESHOLD } = lib;
  const { pairs, used, tooShort } = labelledPairs(lib, articles);
  console.log(
    `${articles.length} benchmark bodies: ${used} of ${MIN_STORY_WORDS} words or more, ${tooShort} shorter (no story)\n`,
  );
  const rows = [['pairs', 'count', 'min', 'p5', 'median', 'max', 'found by the bands']];
  for (const kind of VARIANT_KINDS) {
    const of = pairs.filter((p) => p.kind === kind);
    const sims = sorted(of.map((p) => p.similarity));
    rows.push([
      `original vs ${kind}`,
      String(of.length),
      fixed(sims[0] ?? NaN),
      fixed(quantile(sims, 0.05)),
      fixed(quantile(sims, 0.5)),
      fixed(sims.at(-1) ?? NaN),
      String(of.filter((p) => p.banded).length),
    ]);
  }
  const negatives = pairs.filter((p) => !p.same);
  for (const [name, group] of [
    ['distinct stories, all', negatives],
    ['distinct, same IPTC topic', negatives.filter((p) => p.sameTopic)],
    ['distinct, closest by words', negatives.filter((p) => p.hardest)],
  ] as const) {
    const sims = sorted(group.map((p) => p.similarity));
    rows.push([
      name,
      String(group.length),
      fixed(sims[0] ?? NaN),
      fixed(quantile(sims, 0.05)),
      fixed(quantile(sims, 0.5)),
      fixed(sims.at(-1) ?? NaN),
      String(group.filter((p) => p.banded).length),
    ]);
  }
  console.log('estimated similarity (MinHash) of each pair');
  for (const line of formatTable(rows)) console.log(`  ${line}`);

  console.log(
    `\n"same story": the bands offer the pair and its similarity reaches the threshold (the enricher's: ${SAME_STORY_THRESHOLD})`,
  );
  const table = [
    ['threshold', 'TP', 'FN', 'FP', 'FP same topic', 'precision', 'recall', 'recall without bands'],
  ];
  for (const row of scoreThresholds(pairs, THRESHOLDS)) {
    table.push([
      fixed(row.threshold, 2),
      String(row.truePositives),
      String(row.falseNegatives),
      String(row.falsePositives),
      String(row.falsePositivesSameTopic),
      fixed(row.precision),
      fixed(row.recall),
      fixed(row.recallWithoutBands),
    ]);
  }
  for (const line of formatTable(table)) console.log(`  ${line}`);

  // Signing: words, shingles, 128 minima and the band keys, the least of 5 passes per body.
  const times = articles.map((article) => {
    let best = Infinity;
    for (let pass = 0; pass < 5; pass += 1) {
      const started = performance.now();
      lib.storySignature(article.body);
      best = Math.min(best, performance.now() - started);
    }
    return best;
  });
  const ms = sorted(times);
  console.log(
    `\nsignature per article (${articles.length} bodies, least of 5 passes): median ${fixed(quantile(ms, 0.5))} ms, p95 ${fixed(quantile(ms, 0.95))} ms, max ${fixed(ms.at(-1) ?? NaN)} ms`,
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { index: { type: 'boolean' }, articles: { type: 'string' } },
  });
  const articles = loadBenchmarkArticles();
  if (articles === null) {
    console.log(
      `stories bench: ${GROUND_TRUTH} not found (the shared datasets): nothing to measure.`,
    );
    return;
  }
  const lib = await loadEnrichment();
  printPairs(lib, articles);
  if (values.index) await measureIndex(lib, articles, Number(values.articles ?? 100_000));
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
