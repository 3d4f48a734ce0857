import { calibrate, scoreCountries } from './country-score';

describe(scoreCountries.name, () => {
  it('counts each (article, country) pair once and averages over all pairs', () => {
    const score = scoreCountries([
      { expected: ['US', 'GB'], predicted: ['US', 'US', 'FR'] },
      { expected: ['CN'], predicted: ['CN'] },
      { expected: [], predicted: ['DE'] },
    ]);

    expect(score).toMatchObject({
      articles: 3,
      truePositives: 2,
      falsePositives: 2,
      falseNegatives: 1,
      precision: 0.5,
      recall: 2 / 3,
    });
    expect(score.f1).toBeCloseTo((2 * 0.5 * (2 / 3)) / (0.5 + 2 / 3), 12);
  });

  it('scores 0 rather than NaN when nothing is expected or predicted', () => {
    expect(scoreCountries([{ expected: [], predicted: [] }])).toMatchObject({
      precision: 0,
      recall: 0,
      f1: 0,
    });
  });

  it('scores 1 when every set is right', () => {
    const score = scoreCountries([{ expected: ['NG', 'GB'], predicted: ['GB', 'NG'] }]);

    expect([score.precision, score.recall, score.f1]).toEqual([1, 1, 1]);
  });
});

describe(calibrate.name, () => {
  it('puts each predicted country in its confidence bucket and scores its precision', () => {
    const buckets = calibrate(
      [
        {
          expected: ['US', 'GB'],
          predicted: [
            { code: 'US', confidence: 0.99 },
            { code: 'GB', confidence: 0.6 },
            { code: 'FR', confidence: 0.3 },
          ],
        },
        { expected: ['CN'], predicted: [{ code: 'CN', confidence: 1 }, { code: 'JP' }] },
      ],
      [0, 0.5, 0.9, 1],
    );

    expect(buckets.map(({ predictions, correct }) => [predictions, correct])).toEqual([
      [2, 0],
      [1, 1],
      [2, 2],
    ]);
    expect(buckets.map((bucket) => bucket.precision)).toEqual([0, 1, 1]);
  });
});
