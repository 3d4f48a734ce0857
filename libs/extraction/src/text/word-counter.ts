/** A word in a script that separates words with spaces: letters and digits, with inner ' or ’. */
const SPACED_WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*/gu;

/**
 * Scripts that do not separate words with spaces: Thai, Lao, Myanmar, Khmer, Japanese kana, CJK
 * ideographs. Code point ranges rather than \p{Script=…}: the same test, several times faster.
 */
const UNSPACED_SCRIPT =
  /[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/;

// Intl.Segmenter knows word boundaries in scripts without spaces, where a regular expression
// would count a whole paragraph as one word; it is many times slower, so only for those texts.
const segmenter = new Intl.Segmenter('und', { granularity: 'word' });

/** Counts words (runs of letters or digits; punctuation and spaces are not words). */
export function countWords(text: string): number {
  if (!UNSPACED_SCRIPT.test(text)) return text.match(SPACED_WORD)?.length ?? 0;
  let count = 0;
  for (const segment of segmenter.segment(text)) if (segment.isWordLike) count += 1;
  return count;
}
