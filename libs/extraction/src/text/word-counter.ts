/** A letter, mark or digit: what words are made of in scripts that separate them with spaces. */
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

/**
 * Scripts that do not separate words with spaces: Thai, Lao, Myanmar, Khmer, Japanese kana, CJK
 * ideographs. Code point ranges rather than \p{Script=…}: the same test, several times faster.
 */
const UNSPACED_SCRIPT =
  /[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/;

// Intl.Segmenter knows word boundaries in scripts without spaces, where a regular expression
// would count a whole paragraph as one word; it is many times slower, so only for those texts.
const segmenter = new Intl.Segmenter('und', { granularity: 'word' });

/**
 * Counts words (runs of letters or digits; punctuation and spaces are not words). In scripts
 * with spaces a word is a match of `[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*` (read with
 * the `u` flag): letters and digits, with inner ' or ’ ("Qatar's" is one word).
 */
export function countWords(text: string): number {
  if (!UNSPACED_SCRIPT.test(text)) return countSpacedWords(text);
  let count = 0;
  for (const segment of segmenter.segment(text)) if (segment.isWordLike) count += 1;
  return count;
}

/**
 * The number of matches of the word pattern above, counted in one pass instead of collecting
 * them all (the whole body's words, a few thousand strings, only to take their number): each run
 * of word characters starts a word, unless an apostrophe joins it to the run before.
 */
function countSpacedWords(text: string): number {
  let count = 0;
  let inWord = false;
  for (let index = 0; index < text.length; index++) {
    let code = text.charCodeAt(index);
    // A surrogate pair is one code point, as the pattern's `u` flag reads it.
    if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      const low = text.charCodeAt(index + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        index += 1;
      }
    }
    if (isWordCode(code)) {
      if (!inWord) count += 1;
      inWord = true;
    } else if (inWord && code === SOFT_HYPHEN) {
      // A soft hyphen marks where a word may break: the word goes on after it.
    } else if (!(inWord && isApostrophe(code) && isWordCode(text.codePointAt(index + 1) ?? 0))) {
      inWord = false;
    }
  }
  return count;
}

const SOFT_HYPHEN = 0xad;

function isApostrophe(code: number): boolean {
  return code === 0x27 || code === 0x2019;
}

/** WORD_CHAR's answer for each code unit below 0x10000, as found: 0 not asked yet, 1 yes, 2 no. */
const wordCodes = new Uint8Array(0x10000);

function isWordCode(code: number): boolean {
  if (code < 0x80) {
    const lower = code | 0x20;
    return (code >= 0x30 && code <= 0x39) || (lower >= 0x61 && lower <= 0x7a);
  }
  if (code >= 0x10000) return WORD_CHAR.test(String.fromCodePoint(code));
  let known = wordCodes[code];
  if (known === 0) {
    known = WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2;
    wordCodes[code] = known;
  }
  return known === 1;
}
