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
  const candidates =
    sample.length >= MIN_CHARS
      ? detectAll(sample)
          .map((candidate) => candidate.lang)
          .filter((code) => LANGUAGE_CODE.test(code))
      : [];
  if (declaredCode && candidates.slice(0, DECLARED_WITHIN).includes(declaredCode)) {
    return declaredCode;
  }
  return candidates[0] ?? declaredCode;
}

/**
 * Paragraphs of at least a sentence's length, in reading order, up to the sample size: short ones
 * are labels, captions, URLs and lists of names, which mislead the detector. All paragraphs when
 * none is that long.
 */
function proseSample(paragraphs: readonly string[]): string {
  const prose = paragraphs.filter((paragraph) => paragraph.split(/\s+/).length >= SENTENCE_WORDS);
  return (prose.length > 0 ? prose : paragraphs).join('\n').slice(0, SAMPLE_CHARS).trim();
}

/** "en-GB" -> "en", "pt_BR" -> "pt", "EN" -> "en"; null for anything that is not a language tag. */
export function primaryLanguage(tag: string | null | undefined): string | null {
  const primary = tag?.trim().split(/[-_]/)[0]?.toLowerCase();
  return primary && LANGUAGE_CODE.test(primary) ? primary : null;
}
