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
