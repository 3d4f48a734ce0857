import { scoreThresholds } from './pair-score';
import { TRIMMED_SHARE, VARIANT_KINDS, variantsOf } from './story-variants';

describe(scoreThresholds.name, () => {
  const pairs = [
    { same: true, similarity: 0.9, banded: true },
    { same: true, similarity: 0.4, banded: true },
    { same: true, similarity: 0.35, banded: false },
    { same: false, similarity: 0.45, banded: true, sameTopic: true },
    { same: false, similarity: 0.1, banded: false, sameTopic: false },
  ];

  it('calls a pair one story only when the bands offer it and its similarity reaches the threshold', () => {
    const [low, high] = scoreThresholds(pairs, [0.3, 0.5]);

    expect(low).toEqual({
      threshold: 0.3,
      truePositives: 2,
      falseNegatives: 1,
      falsePositives: 1,
      precision: 2 / 3,
      recall: 2 / 3,
      recallWithoutBands: 1,
      falsePositivesSameTopic: 1,
    });
    expect(high).toMatchObject({
      truePositives: 1,
      falsePositives: 0,
      precision: 1,
      recall: 1 / 3,
    });
  });
});

describe(variantsOf.name, () => {
  const body = Array.from({ length: 10 }, (_, i) => `Paragraph ${i} says what happened.`).join(
    '\n\n',
  );
  let seed = 0;
  const random = () => (seed = (seed * 9301 + 49297) % 233280) / 233280;

  it('makes one variant of each kind, each different from the original', () => {
    const variants = variantsOf('Talks resume', body, random);

    expect(variants.map((v) => v.kind)).toEqual(VARIANT_KINDS);
    for (const variant of variants.filter((v) => v.kind !== 'edits'))
      expect(variant.body).not.toBe(body);
  });

  it(`trims ${TRIMMED_SHARE * 100}% of the paragraphs from the end`, () => {
    const trimmed = variantsOf('T', body, random).find((v) => v.kind === 'trimmed');

    expect(trimmed?.body.split('\n\n')).toHaveLength(7);
    expect(trimmed?.body.startsWith('Paragraph 0')).toBe(true);
  });
});
