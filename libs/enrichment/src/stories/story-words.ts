/**
 * The words a story's signature is built from: the extracted body, NFKC-folded and lower-cased,
 * split into runs of letters and digits. Punctuation, quotes and case are what syndicated
 * copies change most (house style), so they are dropped; so is the title, which sites rewrite
 * (see "Stories" in the enrichment README). Han, Hiragana and Katakana characters count
 * as a word each (and the prolonged sound mark ー, which Unicode files under no script): those
 * scripts put no spaces between words, and a whole sentence as one word would leave nothing to
 * compare.
 */

/** Fewer words than this: no story. A brief of a few lines gives too few shingles to tell two
 * stories apart (short boilerplate notices would merge), so such an article stays alone. */
export const MIN_STORY_WORDS = 50;

/**
 * Only the first this many words are read: the work per article is bounded whatever the body's
 * size (a 1 MB body costs what a 5,000-word one does), and syndicated copies share their start
 * far more often than their end (trimmed ends are the commonest edit).
 */
export const MAX_STORY_WORDS = 5_000;

const WORD =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc]|[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;

/** The body's first MAX_STORY_WORDS words, normalised. */
export function storyWords(text: string): string[] {
  const words: string[] = [];
  // Folding a 5 MB body costs tens of milliseconds; no word beyond the limit is needed, and a
  // word is rarely over 40 characters, so a slice of the text bounds that cost too.
  const head = text.length > MAX_STORY_WORDS * 40 ? text.slice(0, MAX_STORY_WORDS * 40) : text;
  for (const match of head.normalize('NFKC').toLowerCase().matchAll(WORD)) {
    words.push(match[0]);
    if (words.length === MAX_STORY_WORDS) break;
  }
  return words;
}
