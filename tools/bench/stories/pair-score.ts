/** One labelled pair: two texts, whether they are one story, and what the index makes of them. */
export interface ScoredPair {
  same: boolean;
  /** Estimated Jaccard similarity of the two signatures. */
  similarity: number;
  /** The two share a band, so the index offers one as a candidate for the other. */
  banded: boolean;
  /** For negatives: the two pages share their first top-level IPTC topic. */
  sameTopic?: boolean;
}

export interface ThresholdRow {
  threshold: number;
  truePositives: number;
  falseNegatives: number;
  falsePositives: number;
  precision: number;
  /** Through the index: banded and similar enough. */
  recall: number;
  /** Similar enough, whether or not the bands found the pair. */
  recallWithoutBands: number;
  falsePositivesSameTopic: number;
}

/** Precision and recall of "same story" at each threshold: a pair is called one story when the
 * index finds it (a shared band) and its estimated similarity reaches the threshold. */
export function scoreThresholds(pairs: readonly ScoredPair[], thresholds: readonly number[]) {
  const positives = pairs.filter((p) => p.same);
  const negatives = pairs.filter((p) => !p.same);
  return thresholds.map((threshold): ThresholdRow => {
    const called = (p: ScoredPair) => p.banded && p.similarity >= threshold;
    const truePositives = positives.filter(called).length;
    const falsePositives = negatives.filter(called).length;
    return {
      threshold,
      truePositives,
      falseNegatives: positives.length - truePositives,
      falsePositives,
      precision:
        truePositives + falsePositives === 0 ? 1 : truePositives / (truePositives + falsePositives),
      recall: positives.length === 0 ? 1 : truePositives / positives.length,
      recallWithoutBands:
        positives.length === 0
          ? 1
          : positives.filter((p) => p.similarity >= threshold).length / positives.length,
      falsePositivesSameTopic: negatives.filter((p) => p.sameTopic === true && called(p)).length,
    };
  });
}
