/**
 * The article-body metric of scrapinghub/article-extraction-benchmark (its evaluate.py), ported
 * so our figures compare with the published table. Texts become multisets of 4-token shingles;
 * each page's true/false positives and negatives are scaled to sum to 1, so every page weighs
 * the same; precision and recall are averaged over the pages where they are defined.
 */

export interface PageScore {
  id: string;
  /** Shares of the page's shingles: tp + fp + fn = 1 unless both texts are empty (all 0). */
  tp: number;
  fp: number;
  fn: number;
  /** Undefined when the prediction has no shingle: the page is left out of the precision mean. */
  precision: number | undefined;
  /** Undefined when the truth has no shingle: the page is left out of the recall mean. */
  recall: number | undefined;
  /** Per-page F1 for ranking pages; 0 for an empty prediction, 1 when both texts are empty. */
  f1: number;
  /** The token sequences are identical (what upstream calls accuracy). */
  exact: boolean;
}

export interface ArticleBodyScore {
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
  perPage: PageScore[];
}

const SHINGLE_SIZE = 4;
/**
 * Python's `\w` on str: letters, numbers and underscore. Combining marks are not in it, so a
 * Devanagari word splits at its vowel signs upstream too. Checked code point by code point
 * against Python 3.11; only characters added to Unicode after 14.0 may differ.
 */
const TOKEN = /[\p{L}\p{N}_]+/gu;

/** Scores predicted article bodies against the truth; both must cover the same page ids. */
export function evaluate(
  truth: Record<string, string>,
  predicted: Record<string, string>,
): ArticleBodyScore {
  const ids = Object.keys(truth);
  if (ids.length !== Object.keys(predicted).length || ids.some((id) => !(id in predicted))) {
    throw new Error('prediction keys do not match ground truth');
  }
  const perPage = ids.map((id) => scorePage(id, truth[id] ?? '', predicted[id] ?? ''));
  const precision = mean(perPage.flatMap((page) => page.precision ?? []));
  const recall = mean(perPage.flatMap((page) => page.recall ?? []));
  return {
    precision,
    recall,
    f1: (2 * precision * recall) / (precision + recall),
    accuracy: mean(perPage.map((page) => (page.exact ? 1 : 0))),
    perPage,
  };
}

export function scorePage(id: string, truth: string, predicted: string): PageScore {
  const truthTokens = tokenize(truth);
  const predictedTokens = tokenize(predicted);
  const [tp, fp, fn] = shingleMatch(shingles(truthTokens), shingles(predictedTokens));
  return {
    id,
    tp,
    fp,
    fn,
    // Upstream's special cases (1 when fp = fn = 0) agree with these ratios wherever they apply.
    precision: tp + fp > 0 ? tp / (tp + fp) : undefined,
    recall: tp + fn > 0 ? tp / (tp + fn) : undefined,
    f1: tp + fp + fn > 0 ? (2 * tp) / (2 * tp + fp + fn) : 1,
    exact:
      truthTokens.length === predictedTokens.length &&
      truthTokens.every((token, i) => token === predictedTokens[i]),
  };
}

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** Counts of overlapping n-token shingles; a text shorter than n tokens is one shingle. */
export function shingles(tokens: string[], n = SHINGLE_SIZE): Map<string, number> {
  const counts = new Map<string, number>();
  if (tokens.length === 0) return counts;
  for (let i = 0; i < Math.max(1, tokens.length - n + 1); i++) {
    // Tokens never hold a space, so joining on one keeps shingles distinct.
    const shingle = tokens.slice(i, i + n).join(' ');
    counts.set(shingle, (counts.get(shingle) ?? 0) + 1);
  }
  return counts;
}

/** [tp, fp, fn] over shingle counts, scaled to sum to 1 so long pages weigh no more. */
function shingleMatch(
  truth: Map<string, number>,
  predicted: Map<string, number>,
): [number, number, number] {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [shingle, t] of truth) {
    const p = predicted.get(shingle) ?? 0;
    tp += Math.min(t, p);
    fp += Math.max(0, p - t);
    fn += Math.max(0, t - p);
  }
  for (const [shingle, p] of predicted) {
    if (!truth.has(shingle)) fp += p;
  }
  const sum = tp + fp + fn;
  return sum > 0 ? [tp / sum, fp / sum, fn / sum] : [0, 0, 0];
}

/** NaN for no values, where Python's statistics.mean would raise. */
function mean(values: number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}
