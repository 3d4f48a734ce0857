/**
 * Where a sentence end is glued to the next sentence, as happens when a scraper joins two
 * paragraphs without a break: `reporters.Other statements`. The end of a word of at least two
 * letters, the last one lower-case, then `.`, `!` or `?` (and maybe a closing quote or bracket),
 * then a capital followed by a lower-case letter, with no space between.
 *
 * It leaves alone what only looks like it: initials and abbreviations (`U.S.`, `e.g.` — the
 * letter before the stop is a capital or stands alone), `St. Basil's` (a space follows the stop),
 * and domain names (`example.com` — lower-case after the dot).
 */
const GLUED_SENTENCE_END = /(?<=\p{L}\p{Ll}[.!?]["'”’»)\]]?)(?=\p{Lu}\p{Ll})/u;

/** Splits a line at each glued sentence end, e.g. `…told reporters.Other statements…`. */
export function splitRunOnSentences(line: string): string[] {
  return line
    .split(GLUED_SENTENCE_END)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
