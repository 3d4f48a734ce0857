import { NUM_HASHES, mix32 } from './minhash';
import type { Signature } from './minhash';

/**
 * Locality-sensitive hashing by banding: the signature is cut into BANDS bands of ROWS minima,
 * and two texts become candidates when all the minima of one band agree. The chance of that for
 * texts of similarity s is 1 - (1 - s^ROWS)^BANDS: with 42 bands of 3, 0.996 at s = 0.5, 0.68 at
 * s = 0.3 (the threshold), 0.29 at s = 0.2 and 0.04 at s = 0.1, so near-copies find each other
 * through one index lookup per band and unrelated stories seldom become candidates. 32 bands of 4
 * found 1,056 of the bench's 1,085 syndicated variants, 42 of 3 found 1,078 (`npm run
 * bench:stories`); 126 of the 128 minima are used.
 */
export const BANDS = 42;
export const ROWS = 3;

/** One band of a signature, as Postgres keeps it. */
export interface BandKey {
  /** A signed 64-bit integer in decimal (Postgres `bigint`): the band's number and its minima. */
  key: string;
  /** The low 32 bits as a signed integer: the advisory lock that serialises the band's writers. */
  lock: number;
}

if (BANDS * ROWS > NUM_HASHES) throw new Error('more band rows than hashes');

/** The signature's BANDS band keys, in band order. The band number is hashed in, so equal
 * minima in different bands never share a key. */
export function bandKeys(signature: Signature): BandKey[] {
  const keys: BandKey[] = [];
  for (let band = 0; band < BANDS; band += 1) {
    let high = mix32(0x5bd1e995 ^ band);
    let low = mix32(0x1b873593 + band);
    for (let row = 0; row < ROWS; row += 1) {
      const value = signature[band * ROWS + row] as number;
      high = mix32(Math.imul(high, 31) ^ value);
      low = mix32(low ^ Math.imul(value, 0xcc9e2d51));
    }
    const key = BigInt.asIntN(64, (BigInt(high) << 32n) | BigInt(low));
    keys.push({ key: key.toString(), lock: low | 0 });
  }
  return keys;
}
