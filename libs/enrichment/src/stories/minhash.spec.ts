import { NUM_HASHES, SHINGLE_WORDS, estimatedSimilarity, minhash, shingleHashes } from './minhash';

const range = (from: number, to: number): Set<number> =>
  new Set(Array.from({ length: to - from }, (_, i) => from + i));

describe('MinHash', () => {
  it(`shingles the words ${SHINGLE_WORDS} at a time, each distinct shingle once`, () => {
    expect(shingleHashes('a b c d e'.split(' ')).size).toBe(2);
    expect(shingleHashes('a b c d a b c d'.split(' ')).size).toBe(4);
    expect(shingleHashes('a b c'.split(' ')).size).toBe(0);
  });

  it('gives equal sets equal signatures and disjoint sets (almost) nothing in common', () => {
    const a = minhash(range(0, 1_000));

    expect(estimatedSimilarity(a, minhash(range(0, 1_000)))).toBe(1);
    expect(estimatedSimilarity(a, minhash(range(5_000, 6_000)))).toBeLessThan(0.05);
  });

  it.each([
    [1 / 3, range(0, 1_000), range(500, 1_500)],
    [0.5, range(0, 1_500), range(500, 2_000)],
    [0.8, range(0, 900), range(100, 1_000)],
  ])('estimates a Jaccard similarity of %f within three standard errors', (exact, a, b) => {
    const standardError = Math.sqrt((exact * (1 - exact)) / NUM_HASHES);

    expect(Math.abs(estimatedSimilarity(minhash(a), minhash(b)) - exact)).toBeLessThan(
      3 * standardError,
    );
  });

  it('keeps its permutations from release to release: stored signatures depend on them', () => {
    const signature = minhash(shingleHashes('the talks between russian president'.split(' ')));

    expect(signature).toHaveLength(NUM_HASHES);
    expect(signature[0]).toBe(PINNED_FIRST_MINIMUM);
  });

  it('refuses to compare signatures of different lengths', () => {
    expect(() => estimatedSimilarity(new Uint32Array(4), new Uint32Array(8))).toThrow(
      'signatures of 4 and 8 hashes',
    );
  });
});

/** The first minimum of the signature above, as this release computes it. */
const PINNED_FIRST_MINIMUM = 3_831_784_406;
