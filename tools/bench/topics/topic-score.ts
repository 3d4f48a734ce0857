/**
 * Scores of the topic bench: top-1 accuracy of the top-level topic against a list of acceptable
 * ones, coverage, accuracy per labelled topic and by confidence. Pure: main.ts reads and prints.
 */

export interface TopicOutcome {
  id: string;
  /** Acceptable top-level codes, the primary first. */
  labels: string[];
  /** The enricher's top-level codes and scores, best first. */
  predicted: { code: string; score: number }[];
  /** Every topic the enricher gave, any level. */
  topicCount: number;
  words: number;
}

export interface TopicScores {
  texts: number;
  correct: number;
  /** Texts of at least `minWords` words, and of those the ones with a top-level topic. */
  longTexts: number;
  covered: number;
  topicsPerText: number;
  topLevelPerText: number;
  /** Top-level topics after the first, and of those the ones in the label list. */
  extras: number;
  extrasRight: number;
  /** Primary label -> [right, texts]. */
  perTopic: Map<string, [number, number]>;
  /** "primary -> predicted" for wrong answers, most frequent first. */
  confusions: [string, number][];
  /** Lower bound of the confidence bucket -> [right, texts, sum of scores]. */
  buckets: Map<number, [number, number, number]>;
}

export const CONFIDENCE_BUCKETS = [0, 0.2, 0.4, 0.6, 0.8, 0.9] as const;

export function isRight(outcome: TopicOutcome): boolean {
  const top = outcome.predicted[0];
  return top !== undefined && outcome.labels.includes(top.code);
}

export function scoreTopics(outcomes: readonly TopicOutcome[], minWords: number): TopicScores {
  const perTopic = new Map<string, [number, number]>();
  const confusions = new Map<string, number>();
  const buckets = new Map<number, [number, number, number]>();
  let correct = 0;
  let longTexts = 0;
  let covered = 0;
  let topics = 0;
  let topLevel = 0;
  let extras = 0;
  let extrasRight = 0;
  for (const outcome of outcomes) {
    const right = isRight(outcome);
    if (right) correct += 1;
    if (outcome.words >= minWords) {
      longTexts += 1;
      if (outcome.predicted.length > 0) covered += 1;
    }
    topics += outcome.topicCount;
    topLevel += outcome.predicted.length;
    for (const extra of outcome.predicted.slice(1)) {
      extras += 1;
      if (outcome.labels.includes(extra.code)) extrasRight += 1;
    }
    const primary = outcome.labels[0] ?? '?';
    const cell = perTopic.get(primary) ?? [0, 0];
    perTopic.set(primary, [cell[0] + (right ? 1 : 0), cell[1] + 1]);
    const top = outcome.predicted[0];
    if (!right) {
      const key = `${short(primary)} -> ${top ? short(top.code) : 'none'}`;
      confusions.set(key, (confusions.get(key) ?? 0) + 1);
    }
    const score = top?.score ?? 0;
    const bucket = [...CONFIDENCE_BUCKETS].reverse().find((lower) => score >= lower) ?? 0;
    const b = buckets.get(bucket) ?? [0, 0, 0];
    buckets.set(bucket, [b[0] + (right ? 1 : 0), b[1] + 1, b[2] + score]);
  }
  const n = Math.max(1, outcomes.length);
  return {
    texts: outcomes.length,
    correct,
    longTexts,
    covered,
    topicsPerText: topics / n,
    topLevelPerText: topLevel / n,
    extras,
    extrasRight,
    perTopic,
    confusions: [...confusions].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
    buckets,
  };
}

/** "medtop:13000000" -> "13". */
export function short(code: string): string {
  return code.replace(/^medtop:(\d\d)000000$/, '$1');
}
