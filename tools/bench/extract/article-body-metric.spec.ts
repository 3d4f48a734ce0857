import { evaluate, scorePage, shingles, tokenize } from './article-body-metric';
import { existsSync } from 'node:fs';
import { DATASET_DIR, loadGroundTruth, loadPublished } from './benchmark-dataset';
import type { PublishedTool } from './benchmark-dataset';

/**
 * The port of the benchmark's metric is checked against the figures published with its data,
 * which lies beside the repository in ../shared (4.6 MB, not copied in). A clone with nothing
 * beside it skips these three cases, and says so in the suite's name; CI has ../shared.
 */
const withDataset = existsSync(DATASET_DIR) ? describe : describe.skip;

describe('article body metric', () => {
  withDataset(`on the published predictions (${DATASET_DIR}; skipped when absent)`, () => {
    const truth = existsSync(DATASET_DIR) ? loadGroundTruth() : {};

    // Figures from the upstream README.rst table ("Results of the latest evaluation").
    it.each<[PublishedTool, { f1: number; precision: number; recall: number; accuracy: number }]>([
      ['readability_js', { f1: 0.947, precision: 0.914, recall: 0.982, accuracy: 0.166 }],
      ['trafilatura', { f1: 0.958, precision: 0.938, recall: 0.978, accuracy: 0.293 }],
      ['html-text', { f1: 0.665, precision: 0.5, recall: 0.994, accuracy: 0 }],
    ])(
      'reproduces the published figures of %s',
      (tool, published) => {
        const score = evaluate(truth, loadPublished(tool));

        expect(score.perPage).toHaveLength(181);
        expect(round3(score.f1)).toBe(published.f1);
        expect(round3(score.precision)).toBe(published.precision);
        expect(round3(score.recall)).toBe(published.recall);
        expect(round3(score.accuracy)).toBe(published.accuracy);
      },
      30_000,
    ); // a second alone, several under a parallel lint
  });

  it('tokenizes on Unicode word runs, keeping case, digits and underscores', () => {
    expect(tokenize("L'été 2024: Zürich_West, 東京!")).toEqual([
      'L',
      'été',
      '2024',
      'Zürich_West',
      '東京',
    ]);
  });

  it('splits words at combining marks, as Python does', () => {
    // "हिन्दी": the vowel signs and the virama are marks (Mc/Mn), not \w in Python.
    expect(tokenize('हिन्दी')).toEqual(['ह', 'न', 'द']);
  });

  it('makes overlapping 4-token shingles, and one shingle of a shorter text', () => {
    expect([...shingles(tokenize('a b c d e a b c d'))]).toEqual([
      ['a b c d', 2],
      ['b c d e', 1],
      ['c d e a', 1],
      ['d e a b', 1],
      ['e a b c', 1],
    ]);
    expect([...shingles(tokenize('only two'))]).toEqual([['only two', 1]]);
    expect(shingles([]).size).toBe(0);
  });

  it('scales each page to sum to 1, so a long page weighs as much as a short one', () => {
    const page = scorePage('p', 'one two three four five six', 'one two three four five seven');

    // truth shingles: 1234 2345 3456; predicted: 1234 2345 3457
    expect(page.tp).toBeCloseTo(2 / 4);
    expect(page.fp).toBeCloseTo(1 / 4);
    expect(page.fn).toBeCloseTo(1 / 4);
    expect(page.precision).toBeCloseTo(2 / 3);
    expect(page.recall).toBeCloseTo(2 / 3);
    expect(page.exact).toBe(false);
  });

  it('leaves an empty prediction out of precision and counts it as zero recall', () => {
    const score = evaluate({ good: 'w x y z', empty: 'a b c d' }, { good: 'w x y z', empty: '' });

    expect(score.precision).toBe(1);
    expect(score.recall).toBe(0.5);
    expect(score.f1).toBeCloseTo(2 / 3);
    expect(score.perPage[1]).toMatchObject({ precision: undefined, recall: 0, f1: 0 });
  });

  it('leaves a page with empty truth and empty prediction out of both means', () => {
    const score = evaluate({ a: 'w x y z', b: '' }, { a: 'w x y', b: '' });

    expect(score.precision).toBe(0);
    expect(score.recall).toBe(0);
    expect(score.perPage[1]).toMatchObject({ precision: undefined, recall: undefined, f1: 1 });
    expect(score.accuracy).toBe(0.5);
  });

  it('counts a page as accurate when the tokens match, whatever the spacing and punctuation', () => {
    const score = evaluate({ a: 'Hello,  world!\n\nBye.' }, { a: 'Hello world Bye' });

    expect(score.accuracy).toBe(1);
  });

  it('refuses predictions for other pages than the truth', () => {
    expect(() => evaluate({ a: 'x' }, { b: 'x' })).toThrow('prediction keys do not match');
  });
});

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
