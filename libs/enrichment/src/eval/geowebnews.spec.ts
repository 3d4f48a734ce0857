import { score } from './geowebnews';

describe(score.name, () => {
  it('micro-averages precision, recall and F1 over article country sets', () => {
    const result = score([
      { expected: ['US', 'GB'], predicted: ['US'] },
      { expected: ['RU'], predicted: ['RU', 'QA'] },
      { expected: [], predicted: [] },
    ]);
    expect(result).toMatchObject({
      articles: 3,
      truePositives: 2,
      falsePositives: 1,
      falseNegatives: 1,
    });
    expect(result.precision).toBeCloseTo(2 / 3);
    expect(result.recall).toBeCloseTo(2 / 3);
    expect(result.f1).toBeCloseTo(2 / 3);
  });

  it('scores zero rather than dividing by zero', () => {
    expect(score([{ expected: [], predicted: [] }])).toMatchObject({
      precision: 0,
      recall: 0,
      f1: 0,
    });
  });
});
