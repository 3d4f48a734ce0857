// See tinyld.d.ts. The reference makes the declaration travel with this file into every program
// that compiles it (an app importing the library does not use the library's tsconfig).
/// <reference path="./tinyld.d.ts" />
import { detectAll } from 'tinyld';

/** What the contract accepts: an ISO 639 code, two letters where the language has them. */
const LANGUAGE_CODE = /^[a-z]{2,3}$/;

/**
 * A few paragraphs tell the language as well as the whole text; the detector's cost levels off
 * at about 3 ms past 1000 characters.
 */
const SAMPLE_CHARS = 2000;
/** Fewer words than this make a label or a name, not a sentence. */
const SENTENCE_WORDS = 8;
/** Below this the detector guesses: a heading alone does not overrule what the page says. */
const MIN_CHARS = 40;
/** How far down the detector's ranking the page's own declaration may be and still be believed. */
const DECLARED_WITHIN = 3;
/**
 * The detector is believed only when its first language scores at least this and at least
 * MIN_MARGIN times the second: below that it guesses ("sk", "la", "no" for English headlines,
 * "tlh" for a line of figures), and the page's declaration, or no language, is the honest answer.
 */
const MIN_ACCURACY = 0.15;
const MIN_MARGIN = 2;
/**
 * Below this many letters of Latin script the detector must be surer: tinyld takes a 40-word
 * English item for French, Latvian or Norwegian about one time in twenty, at scores up to 0.4,
 * while a real sentence in German, French or Spanish scores 0.6 to 1.
 */
const SHORT_LATIN_LETTERS = 250;
const SHORT_LATIN_MIN_ACCURACY = 0.5;
/**
 * Fewer words than this (figures and addresses left out) are a headline or a score line: tinyld
 * is sure of nonsense there ("Arsenal Chelsea Leeds Everton" is Norwegian at 0.87).
 */
const SHORT_LATIN_MIN_WORDS = 12;
/**
 * English's own words that settle a short text as English, whatever the page says: at least two,
 * and this share of its words (English prose has 20 to 45 percent, a German item quoting "The
 * Voice of Germany" far less).
 */
const SHORT_ENGLISH_WORDS = 2;
const SHORT_ENGLISH_SHARE = 0.15;
/** Words holding a digit ("Q3", "1,204", "9.1%") and web or mail addresses say no language. */
const NOT_PROSE = /\S*\d\S*|\b(?:https?:\/\/|www\.)\S+|\S+@\S+\.\S+/gi;

/**
 * English's commonest words that other languages do not use as words of their own ("in", "is",
 * "was", "to", "a", "he", "her", "over", "also" are left out: Dutch, German, Romance, Slavic or
 * Nordic words are spelt the same). Prose in English is 20 to 45 percent these words; on the
 * benchmark pages in other languages (German, Portuguese, Italian, Russian, Indonesian, Japanese,
 * Korean) they make at most 2 percent.
 */
const ENGLISH_WORDS = new Set(
  (
    'the and of that with this from have has had been were are be it its by his him she they them ' +
    'their we our you your not but or as if which who what when where there than then these those ' +
    'would could should can said says into after about because while other more most such only ' +
    'just like one all new out up how some any many very first two before through between against ' +
    'being did does now people year'
  ).split(' '),
);
/** Words per language whose share confirms a declaration without running the detector. */
const FUNCTION_WORDS: Readonly<Record<string, ReadonlySet<string>>> = { en: ENGLISH_WORDS };
/** The share of those words that confirms the declaration: well clear of both sides above. */
const CONFIRMING_SHARE = 0.1;
/** Fewer words than this are too few to count shares on. */
const CONFIRMING_MIN_WORDS = 20;
const WORD = /[\p{L}\p{M}]+/gu;

/**
 * The language of an article's paragraphs as an ISO 639-1 code ("en"), or null. `declared` is
 * what the page says about itself (`<html lang="en-GB">`, og:locale, a feed's language).
 * Templates often declare the wrong language, so the text decides; the declaration wins only when
 * the detector ranks it among its top candidates (closely related languages such as Danish and
 * Norwegian), or when there is too little text to detect from.
 */
export function detectLanguage(
  paragraphs: readonly string[],
  declared?: string | null,
): string | null {
  const declaredCode = primaryLanguage(declared);
  const sample = proseSample(paragraphs);
  // The detector costs one to five milliseconds a page, as much as the rest of the extraction;
  // most pages declare their language rightly, and their own commonest words say so for much
  // less. A page that declares nothing is most often in English, and said so the same way: the
  // detector ranks English first on any text this plainly English.
  if (declaredCode && confirms(sample, declaredCode)) return declaredCode;
  if (!declaredCode && confirms(sample, 'en')) return 'en';
  const letters = sample.match(LETTER)?.length ?? 0;
  if (letters < MIN_CHARS) return declaredCode;
  const ranked = detectAll(sample).filter((candidate) => LANGUAGE_CODE.test(candidate.lang));
  if (declaredCode && ranked.slice(0, DECLARED_WITHIN).some((c) => c.lang === declaredCode)) {
    return declaredCode;
  }
  // A short Latin-script text has few words to tell English from its neighbours by; other
  // scripts (Cyrillic, Greek, CJK...) are told apart at once.
  const latin = sample.match(LATIN_LETTER)?.length ?? 0;
  const short = letters < SHORT_LATIN_LETTERS && latin * 2 > letters;
  if (short) {
    const words = sample.toLowerCase().match(WORD) ?? [];
    if (words.length < SHORT_LATIN_MIN_WORDS) return declaredCode;
    const english = words.filter((word) => ENGLISH_WORDS.has(word)).length;
    if (english >= SHORT_ENGLISH_WORDS && english >= words.length * SHORT_ENGLISH_SHARE) {
      return 'en';
    }
  }
  const [best, second] = ranked;
  const sure =
    best !== undefined &&
    best.accuracy >= (short ? SHORT_LATIN_MIN_ACCURACY : MIN_ACCURACY) &&
    best.accuracy >= MIN_MARGIN * (second?.accuracy ?? 0);
  if (!sure) return declaredCode;
  return best.lang;
}

const LETTER = /\p{L}/gu;
const LATIN_LETTER = /\p{Script=Latin}/gu;

/**
 * Whether the sample is plainly in the language declared: its commonest words make a good share
 * of the sample. When so, the detector would rank that language among its first few too, and
 * detectLanguage would keep the declaration; when not (a mislabelled page, a language with no
 * word list), the detector decides as before.
 */
function confirms(sample: string, code: string): boolean {
  const words = FUNCTION_WORDS[code];
  if (words === undefined) return false;
  let total = 0;
  let hits = 0;
  for (const [word] of sample.toLowerCase().matchAll(WORD)) {
    total += 1;
    if (words.has(word)) hits += 1;
  }
  return total >= CONFIRMING_MIN_WORDS && hits >= total * CONFIRMING_SHARE;
}

/**
 * Paragraphs of at least a sentence's length, in reading order, up to the sample size: short ones
 * are labels, captions, URLs and lists of names, which mislead the detector. All paragraphs when
 * none is that long. Figures and addresses are taken out: they are in no language.
 */
function proseSample(paragraphs: readonly string[]): string {
  const prose = paragraphs.filter((paragraph) => hasPieces(paragraph, SENTENCE_WORDS));
  return (prose.length > 0 ? prose : paragraphs)
    .join('\n')
    .slice(0, SAMPLE_CHARS)
    .replace(NOT_PROSE, ' ')
    .trim();
}

const WHITESPACE_RUN = /\s+/g;

/**
 * Whether `text.split(/\s+/)` has at least `count` pieces, found by counting the runs of
 * whitespace up to `count - 1` instead of building the array of every word of the paragraph.
 */
export function hasPieces(text: string, count: number): boolean {
  WHITESPACE_RUN.lastIndex = 0;
  let pieces = 1;
  while (pieces < count && WHITESPACE_RUN.test(text)) pieces += 1;
  return pieces >= count;
}

/** "en-GB" -> "en", "pt_BR" -> "pt", "EN" -> "en"; null for anything that is not a language tag. */
export function primaryLanguage(tag: string | null | undefined): string | null {
  const primary = tag?.trim().split(/[-_]/)[0]?.toLowerCase();
  return primary && LANGUAGE_CODE.test(primary) ? primary : null;
}
