/**
 * `npm run bench:stories`: how well stories group syndicated copies and keep distinct stories
 * apart, and what the story index costs.
 *
 * 1. Labelled pairs from the article-extraction-benchmark's 181 true article bodies (MIT), read in
 *    place from ../shared: each body against its syndicated variants (story-variants.ts) is one
 *    story; every two distinct bodies are two, the same-topic ones and each body's closest by
 *    words marked. Printed: similarity by variant, precision and recall over thresholds.
 * 2. `--index` (needs Postgres, DATABASE_URL's server): synthetic articles built from the
 *    benchmark's words go through StoriesRepository.assign into a scratch database; printed at
 *    1k, 10k and 100k articles: rows, index size, assignment time p50/p95.
 */
import { parseArgs } from 'node:util';
import { MIN_STORY_WORDS, SAME_STORY_THRESHOLD } from '@newsflow/enrichment';
import { GROUND_TRUTH, labelledPairs, loadBenchmarkArticles } from './labelled-pairs';
import { quantile, scoreThresholds } from './pair-score';
import { VARIANT_KINDS } from './story-variants';

const THRESHOLDS = [0.2, 0.3, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 0.8];

const fixed = (value: number, digits = 3) => value.toFixed(digits);

function printPairs(): boolean {
  const articles = loadBenchmarkArticles();
  if (articles === null) {
    console.log(
      `stories bench: ${GROUND_TRUTH} not found (the shared datasets): no labelled pairs.`,
    );
    return false;
  }
  const { pairs, used, tooShort } = labelledPairs(articles);
  console.log(
    `${articles.length} benchmark bodies: ${used} of ${MIN_STORY_WORDS} words or more, ${tooShort} shorter (no story)`,
  );
  console.log(
    '\nestimated similarity to the original, by variant (min / p5 / median)   found by the bands',
  );
  for (const kind of VARIANT_KINDS) {
    const of = pairs.filter((p) => p.kind === kind);
    const sims = of.map((p) => p.similarity);
    console.log(
      `  ${kind.padEnd(12)} ${String(of.length).padStart(4)} pairs  ${fixed(Math.min(...sims))} / ${fixed(quantile(sims, 0.05))} / ${fixed(quantile(sims, 0.5))}   ${of.filter((p) => p.banded).length}`,
    );
  }
  const negatives = pairs.filter((p) => !p.same);
  const sameTopic = negatives.filter((p) => p.sameTopic);
  const hardest = negatives.filter((p) => p.hardest);
  for (const [name, group] of [
    ['all distinct', negatives],
    ['same topic', sameTopic],
    ['closest by words', hardest],
  ] as const) {
    const sims = group.map((p) => p.similarity);
    console.log(
      `  ${name.padEnd(16)} ${String(group.length).padStart(5)} pairs  max ${fixed(Math.max(...sims))}, p99 ${fixed(quantile(sims, 0.99))}; banded ${group.filter((p) => p.banded).length}`,
    );
  }
  console.log(
    `\n"same story" = the bands find the pair and its similarity reaches the threshold (chosen: ${SAME_STORY_THRESHOLD})`,
  );
  console.log('threshold  TP    FN  FP  FP same-topic  precision  recall  recall without bands');
  for (const row of scoreThresholds(pairs, THRESHOLDS)) {
    console.log(
      `${fixed(row.threshold, 2).padEnd(9)}  ${String(row.truePositives).padEnd(5)} ${String(row.falseNegatives).padEnd(3)} ${String(row.falsePositives).padEnd(3)} ${String(row.falsePositivesSameTopic).padEnd(13)} ${fixed(row.precision).padEnd(10)} ${fixed(row.recall).padEnd(7)} ${fixed(row.recallWithoutBands)}`,
    );
  }
  return true;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { index: { type: 'boolean' } } });
  printPairs();
  if (values.index) {
    const { measureIndex } = await import('./index-scale');
    await measureIndex(loadBenchmarkArticles());
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
