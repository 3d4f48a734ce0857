/** Micro-averaged scores of article-level country sets. */
export interface CountryScore {
  articles: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface CountryPair {
  expected: readonly string[];
  predicted: readonly string[];
}

/**
 * Counts over all (article, country) pairs, each country once per article however often it is
 * predicted. npm run eval:geowebnews and the bench both score with it.
 * An empty denominator scores 0.
 */
export function scoreCountries(pairs: readonly CountryPair[]): CountryScore {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  for (const { expected, predicted } of pairs) {
    const gold = new Set(expected);
    const guess = new Set(predicted);
    for (const code of guess) {
      if (gold.has(code)) truePositives += 1;
      else falsePositives += 1;
    }
    for (const code of gold) if (!guess.has(code)) falseNegatives += 1;
  }
  const precision = ratio(truePositives, truePositives + falsePositives);
  const recall = ratio(truePositives, truePositives + falseNegatives);
  return {
    articles: pairs.length,
    truePositives,
    falsePositives,
    falseNegatives,
    precision,
    recall,
    f1: ratio(2 * precision * recall, precision + recall),
  };
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

/** A predicted country with the confidence the tagger gave it. */
export interface ScoredPrediction {
  expected: readonly string[];
  predicted: readonly { code: string; confidence?: number }[];
}

export interface CalibrationBucket {
  /** Confidence from `low` (inclusive) to `high` (exclusive; the last bucket includes 1). */
  low: number;
  high: number;
  predictions: number;
  correct: number;
  /** correct / predictions, 0 for an empty bucket. */
  precision: number;
}

/** Bucket edges: the thresholds a caller is likely to try. */
export const CALIBRATION_EDGES: readonly number[] = [0, 0.5, 0.7, 0.85, 0.95, 1];

/**
 * Precision of the predictions in each confidence bucket: an honest confidence has higher
 * precision in higher buckets. Each (article, country) pair counts once; a prediction without
 * a confidence counts in the lowest bucket.
 */
export function calibrate(
  pairs: readonly ScoredPrediction[],
  edges: readonly number[] = CALIBRATION_EDGES,
): CalibrationBucket[] {
  const buckets = edges.slice(0, -1).map((low, i) => ({
    low,
    high: edges[i + 1] ?? 1,
    predictions: 0,
    correct: 0,
    precision: 0,
  }));
  for (const { expected, predicted } of pairs) {
    const seen = new Set<string>();
    for (const { code, confidence = 0 } of predicted) {
      if (seen.has(code)) continue;
      seen.add(code);
      const last = buckets.length - 1;
      const index = buckets.findIndex((bucket, i) => confidence < bucket.high || i === last);
      const bucket = buckets[index];
      if (!bucket) continue;
      bucket.predictions += 1;
      if (expected.includes(code)) bucket.correct += 1;
    }
  }
  for (const bucket of buckets) bucket.precision = ratio(bucket.correct, bucket.predictions);
  return buckets;
}
