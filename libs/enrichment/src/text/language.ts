/// <reference path="./tinyld.d.ts" />
import { detectAll } from 'tinyld';

/** Enough text for the detector; more only costs time. */
const SAMPLE_CHARS = 2000;
/**
 * Below this many letters, once numbers, tables and addresses are gone, the detector guesses:
 * "Nokia to cut 1,000 jobs in Finland" came out Lithuanian.
 */
const MIN_LETTERS = 40;
/**
 * A line with as many figures as words is a table row, a score or a price list, and so is one
 * split into this many cells by tabs or bars: its words are names, which tinyld reads as
 * anything.
 */
const MAX_FIGURES_PER_WORD = 1;
const MIN_TABLE_CELLS = 3;
/**
 * tinyld's best guess is taken only when it is this sure, and this many times as likely as the
 * runner-up: on a short text its scores are close (fr 0.09, la 0.06 for an English headline).
 */
const MIN_ACCURACY = 0.15;
const MIN_MARGIN = 2;
/**
 * English is told by its function words, which tinyld's letter statistics miss on short or
 * name-heavy wire copy: a text of which at least this share of words are these, and at least
 * MIN_ENGLISH_WORDS of them, more than of any other language's below, is English. Words other
 * languages use much ("in", "an", "was", "die") are left out, so a German or Dutch text does not
 * reach the share.
 */
const ENGLISH_FUNCTION_WORDS = new Set(
  `the of and to is for on with that by from it its has have are be will said this but not
  were their they who which would been after than about he she his her our we you there
  what when into also had more could should these those while because just`.split(/\s+/),
);
const MIN_ENGLISH_SHARE = 0.12;
const MIN_ENGLISH_WORDS = 2;

/**
 * Under this many letters, tinyld is sure of wrong answers (an English headline "de" at 1.0):
 * a short text in the Latin script is given another language only when its own function words
 * confirm it, and languages without a list here are not given at all.
 */
const SHORT_TEXT_LETTERS = 250;
const MIN_CONFIRMING_WORDS = 2;
const FUNCTION_WORDS: Readonly<Record<string, ReadonlySet<string>>> = {
  fr: words('le la les des du un une et est pour dans que qui sur pas au aux avec ce cette sont'),
  de: words('der die das und ist nicht mit den dem ein eine zu von auf für sich auch wird im'),
  es: words('el los las del y que en un una por con para es se su al lo como más pero'),
  it: words('il lo gli della di che e un una per con non sono nel alla del è le da si'),
  pt: words('o os as da do dos das e que um uma para com não por se é no na em ao'),
  nl: words('de het een en van is dat op te zijn niet met voor ook er aan bij'),
};

/**
 * The language of a bare text, ISO 639-1 ("en"), when the caller does not know it (an article
 * from the parser already carries the language the parser found). Null for too little text, or
 * when the detector is unsure: then `declared` (a page's own claim) when given. Never a guess.
 */
export function detectTextLanguage(text: string, declared?: string | null): string | null {
  const fallback = declared && /^[a-z]{2}$/.test(declared) ? declared : null;
  const prose = proseOf(text.slice(0, SAMPLE_CHARS * 2)).slice(0, SAMPLE_CHARS);
  const words = prose.match(/\p{L}+/gu) ?? [];
  const letters = words.reduce((sum, word) => sum + word.length, 0);
  if (letters < MIN_LETTERS) return fallback;
  if (isEnglish(words)) return 'en';
  const [best, second] = detectAll(prose);
  if (!best || !/^[a-z]{2}$/.test(best.lang)) return fallback;
  const sure =
    best.accuracy >= MIN_ACCURACY && best.accuracy >= MIN_MARGIN * (second?.accuracy ?? 0);
  if (!sure) return fallback;
  if (letters < SHORT_TEXT_LETTERS && isLatin(prose) && !confirmedBy(best.lang, words))
    return fallback;
  return best.lang;
}

function words(list: string): ReadonlySet<string> {
  return new Set(list.split(' '));
}

/** Mostly Latin letters: where tinyld confuses English with its neighbours. */
function isLatin(text: string): boolean {
  const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0;
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  return latin * 2 > letters;
}

function confirmedBy(lang: string, textWords: readonly string[]): boolean {
  const list = FUNCTION_WORDS[lang];
  return list !== undefined && countIn(list, textWords) >= MIN_CONFIRMING_WORDS;
}

/**
 * The text's prose: without web and mail addresses, without words holding digits ("Q3",
 * "1,234", "9.1%") and without lines that are mostly figures (tables, scores, price lists).
 */
export function proseOf(text: string): string {
  const kept: string[] = [];
  for (const line of text.split('\n')) {
    const bare = line.replace(/\b(?:https?:\/\/|www\.)\S+/gi, ' ').replace(/\S+@\S+\.\S+/g, ' ');
    const figures = bare.match(/\S*\d\S*/g)?.length ?? 0;
    const cleaned = bare.replace(/\S*\d\S*/g, ' ');
    const words = cleaned.match(/\p{L}+/gu)?.length ?? 0;
    const cells = line.split(/\t|\|/).length;
    if (words > figures * MAX_FIGURES_PER_WORD && cells < MIN_TABLE_CELLS) kept.push(cleaned);
  }
  return kept
    .join('\n')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

function isEnglish(textWords: readonly string[]): boolean {
  const hits = countIn(ENGLISH_FUNCTION_WORDS, textWords);
  if (hits < MIN_ENGLISH_WORDS || hits < MIN_ENGLISH_SHARE * textWords.length) return false;
  return Object.values(FUNCTION_WORDS).every((list) => countIn(list, textWords) < hits);
}

function countIn(list: ReadonlySet<string>, textWords: readonly string[]): number {
  let hits = 0;
  for (const word of textWords) if (list.has(word.toLowerCase())) hits += 1;
  return hits;
}
