import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { StorySignature } from '@newsflow/enrichment';
import { seededRandom } from '@newsflow/testing';
import type { ScoredPair } from './pair-score';
import type { Enrichment } from './enrichment-library';
import { variantsOf } from './story-variants';
import type { VariantKind } from './story-variants';

/** From tools/bench/stories (sources) or dist/tools/bench/stories (built). */
const REPO_ROOT = resolve(__dirname, __dirname.includes('/dist/') ? '../../../..' : '../../..');
export const GROUND_TRUTH = resolve(
  REPO_ROOT,
  '../shared/datasets/article-extraction-benchmark/ground-truth.json',
);

export interface BenchArticle {
  id: string;
  title: string;
  body: string;
}

/** The benchmark's true article bodies (MIT), read in place; null when ../shared is absent. */
export function loadBenchmarkArticles(): BenchArticle[] | null {
  if (!existsSync(GROUND_TRUTH)) return null;
  const truth = JSON.parse(readFileSync(GROUND_TRUTH, 'utf8')) as Record<
    string,
    { articleBody?: string; url?: string }
  >;
  return Object.entries(truth)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([id, record]) => ({
      id,
      title: titleFromUrl(record.url ?? id),
      body: record.articleBody ?? '',
    }));
}

/** The benchmark has no titles: the URL's last path segment, in words, stands for one. */
function titleFromUrl(url: string): string {
  const segment =
    url
      .replace(/[?#].*$/, '')
      .replace(/\/+$/, '')
      .split('/')
      .at(-1) ?? url;
  return segment.replace(/\.\w+$/, '').replace(/[-_]+/g, ' ');
}

function wordSet(lib: Enrichment, text: string): Set<string> {
  return new Set(lib.storyWords(text).filter((w) => w.length >= 4));
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared += 1;
  return shared / (a.size + b.size - shared || 1);
}

function sharesBand(a: StorySignature, b: StorySignature): boolean {
  const keys = new Set(a.bands.map((band) => band.key));
  return b.bands.some((band) => keys.has(band.key));
}

export interface PairSet {
  pairs: (ScoredPair & { kind: VariantKind | 'distinct'; hardest?: boolean })[];
  used: number;
  tooShort: number;
}

/**
 * Positives: each article against each of its variants. Negatives: every pair of distinct
 * articles, marked when they share their first top-level IPTC topic (the enricher's tagger) and,
 * for each article, its partner with the most content words in common (the hardest negatives).
 */
export function labelledPairs(
  lib: Enrichment,
  articles: readonly BenchArticle[],
  seed = 19,
): PairSet {
  const random = seededRandom(seed);
  const usable = articles
    .map((article) => ({ article, signature: lib.storySignature(article.body) }))
    .filter((a): a is { article: BenchArticle; signature: StorySignature } => a.signature !== null);
  const pairs: PairSet['pairs'] = [];
  for (const { article, signature } of usable) {
    for (const variant of variantsOf(article.title, article.body, random)) {
      const copy = lib.storySignature(variant.body);
      if (copy === null) continue;
      pairs.push({
        kind: variant.kind,
        same: true,
        similarity: lib.estimatedSimilarity(signature.signature, copy.signature),
        banded: sharesBand(signature, copy),
      });
    }
  }
  const topics = usable.map(
    ({ article }) =>
      lib
        .tagText({ title: article.title, text: article.body })
        .topics.find((topic) => topic.level === 1)?.code,
  );
  const words = usable.map(({ article }) => wordSet(lib, article.body));
  const closest = words.map((mine, i) => {
    let best = -1;
    let bestScore = -1;
    words.forEach((theirs, j) => {
      const score = j === i ? -1 : jaccard(mine, theirs);
      if (score > bestScore) [best, bestScore] = [j, score];
    });
    return best;
  });
  for (let i = 0; i < usable.length; i += 1) {
    for (let j = i + 1; j < usable.length; j += 1) {
      const a = usable[i]!.signature;
      const b = usable[j]!.signature;
      pairs.push({
        kind: 'distinct',
        same: false,
        similarity: lib.estimatedSimilarity(a.signature, b.signature),
        banded: sharesBand(a, b),
        sameTopic: topics[i] !== undefined && topics[i] === topics[j],
        hardest: closest[i] === j || closest[j] === i,
      });
    }
  }
  return { pairs, used: usable.length, tooShort: articles.length - usable.length };
}
