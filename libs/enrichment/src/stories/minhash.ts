/**
 * MinHash over word shingles (Broder, 1997): the share of equal positions in two signatures
 * estimates the Jaccard similarity of the two texts' shingle sets. Written here (about 80 lines)
 * because no maintained npm package does it: `minhash` (0.0.9) and `simhash-js` (1.0.0) have had
 * no release for years, and `@agtabesh/lsh` is a 0.1.0.
 *
 * Each of the NUM_HASHES "permutations" is murmur3's 32-bit finaliser applied to the shingle's
 * hash XOR a fixed seed: the finaliser is a bijection of the 32-bit integers, so every seed gives
 * a different permutation, with no BigInt arithmetic (a*x+b mod p would need it).
 */

/** Words per shingle: 4 keeps word order (a text's topic words alone do not match) and lets a
 * small edit change only the 4 shingles around it (chosen with `npm run bench:stories`). */
export const SHINGLE_WORDS = 4;

/** Signature length: the estimate's standard error is sqrt(J(1-J)/128), 0.044 at J = 0.5. */
export const NUM_HASHES = 128;

/** A MinHash signature: NUM_HASHES unsigned 32-bit minima. */
export type Signature = Uint32Array;

/** murmur3's fmix32: a bijection of the 32-bit integers that mixes every input bit. */
export function mix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over a string's UTF-16 code units, then mixed. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

/** Fixed seeds, the same in every process and release: stored signatures depend on them. */
const SEEDS = Uint32Array.from({ length: NUM_HASHES }, (_, i) =>
  mix32(0x9e3779b9 + i * 0x632be5ab),
);

/** The distinct hashes of the text's shingles of SHINGLE_WORDS words. */
export function shingleHashes(words: readonly string[]): Set<number> {
  const hashes = new Set<number>();
  for (let start = 0; start + SHINGLE_WORDS <= words.length; start += 1) {
    hashes.add(hashString(words.slice(start, start + SHINGLE_WORDS).join(' ')));
  }
  return hashes;
}

/** The MinHash signature of a set of shingle hashes (not empty). */
export function minhash(shingles: ReadonlySet<number>): Signature {
  const signature = new Uint32Array(NUM_HASHES).fill(0xffffffff);
  for (const shingle of shingles) {
    for (let i = 0; i < NUM_HASHES; i += 1) {
      const h = mix32(shingle ^ (SEEDS[i] as number));
      if (h < (signature[i] as number)) signature[i] = h;
    }
  }
  return signature;
}

/** The estimated Jaccard similarity of two signatures' texts: the share of equal minima. */
export function estimatedSimilarity(a: Signature, b: Signature): number {
  if (a.length !== b.length) throw new Error(`signatures of ${a.length} and ${b.length} hashes`);
  let equal = 0;
  for (let i = 0; i < a.length; i += 1) if (a[i] === b[i]) equal += 1;
  return equal / a.length;
}
