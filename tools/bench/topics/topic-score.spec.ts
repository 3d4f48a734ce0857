import { scoreTopics, short, type TopicOutcome } from './topic-score';

const outcome = (labels: string[], predicted: [string, number][], words = 100): TopicOutcome => ({
  id: labels.join('+'),
  labels,
  predicted: predicted.map(([code, score]) => ({ code, score })),
  topicCount: predicted.length,
  words,
});

describe(scoreTopics.name, () => {
  const scores = scoreTopics(
    [
      outcome(['medtop:13000000'], [['medtop:13000000', 0.95]]),
      // Right when the top topic is any of the acceptable ones, not only the primary.
      outcome(['medtop:04000000', 'medtop:13000000'], [['medtop:13000000', 0.7]]),
      outcome(
        ['medtop:15000000'],
        [
          ['medtop:01000000', 0.3],
          ['medtop:15000000', 0.2],
        ],
      ),
      outcome(['medtop:15000000'], [], 10),
    ],
    25,
  );

  it('counts top-1 accuracy against every acceptable topic', () => {
    expect(scores.correct).toBe(2);
    expect(scores.texts).toBe(4);
  });

  it('counts coverage over the texts long enough only', () => {
    expect([scores.covered, scores.longTexts]).toEqual([3, 3]);
  });

  it('keeps accuracy per primary label, confusions and confidence buckets', () => {
    expect(scores.perTopic.get('medtop:15000000')).toEqual([0, 2]);
    expect(scores.confusions).toEqual([
      ['15 -> 01', 1],
      ['15 -> none', 1],
    ]);
    expect(scores.buckets.get(0.9)).toEqual([1, 1, 0.95]);
    expect(scores.buckets.get(0)?.[1]).toBe(1);
    expect([scores.extras, scores.extrasRight]).toEqual([1, 1]);
  });
});

describe(short.name, () => {
  it('shortens a top-level code', () => {
    expect(short('medtop:13000000')).toBe('13');
    expect(short('medtop:20000638')).toBe('medtop:20000638');
  });
});
