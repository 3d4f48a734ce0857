// Characters that take no space but break equality and word counts (zero-width space and joiners,
// byte-order mark, soft hyphen), and the control characters that are not whitespace (U+0000 to
// U+0008, U+000E to U+001F, DEL): no text means them, they come from broken encodings or binary
// noise, and Postgres refuses U+0000 in a text column (22P05), failing the row.
const INVISIBLE = /[\u0000-\u0008\u000e-\u001f\u007f\u200b-\u200d\u2060\ufeff\u00ad]/g;

/**
 * The same, less the soft hyphen (U+00AD). In the body it is the author's: it marks where a long
 * word may break (German compounds, Dutch, Finnish), the reference texts of article benchmarks
 * keep it, and a reader who copies the text gets it too. Metadata and comparison keys still drop it.
 */
const INVISIBLE_IN_BODY = /[\u0000-\u0008\u000e-\u001f\u007f\u200b-\u200d\u2060\ufeff]/g;
const SOFT_HYPHEN = '\u00ad';

/**
 * What normalizeText would change: whitespace other than a plain space (the byte-order mark is
 * whitespace to `\s`), two spaces in a row, a space at either end, an invisible character.
 */
const NOT_NORMAL = /[^\S ]| {2}|^ | $|[\u0000-\u0008\u000e-\u001f\u007f\u200b-\u200d\u2060\u00ad]/;

/**
 * One line of running text: invisible and control characters removed, any run of whitespace made
 * one space. Every text field of an extracted article passes through it.
 */
export function normalizeText(text: string): string {
  // Most text the extractor normalises (blocks already read, metadata values) is normal already:
  // one scan of the text tells, where the three passes below each scan it and two copy it.
  if (!NOT_NORMAL.test(text)) return text;
  return text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/** normalizeText for a paragraph of the body: the same, but soft hyphens stay (see INVISIBLE_IN_BODY). */
export function normalizeBodyText(text: string): string {
  if (!text.includes(SOFT_HYPHEN)) return normalizeText(text);
  return text.replace(INVISIBLE_IN_BODY, '').replace(/\s+/g, ' ').trim();
}

/** The key two texts share when a reader would call them the same paragraph. */
export function comparisonKey(text: string): string {
  return normalizeText(text).toLowerCase();
}

export function sameText(a: string | null | undefined, b: string | null | undefined): boolean {
  if (a == null || b == null) return false;
  return comparisonKey(a) === comparisonKey(b);
}

/**
 * A repeated paragraph shorter than this can be the story's own: a menu's "Meal 1" and "Eat every
 * 2–3 hours" under each day, a table's row, a recurring subheading or list item. Longer, a repeat
 * is a copy: a page that renders the story twice (for mobile and desktop), a pull quote, a "click
 * here" line under each section.
 */
const MIN_COPIED_CHARS = 50;

/**
 * Normalises each paragraph (soft hyphens kept: see normalizeBodyText), drops empty ones and keeps
 * only the first of repeated ones; a short one repeats when the paragraph before it was kept and
 * is another, as in a list or a table, and not when that one was a copy (the second rendering of
 * the story) or the same line (markup doubled).
 */
export function uniqueParagraphs(paragraphs: Iterable<string>): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  let previousKept = false;
  let previousKey = '';
  for (const raw of paragraphs) {
    const paragraph = normalizeBodyText(raw);
    const key = comparisonKey(paragraph);
    if (key === '') continue;
    const listed = previousKept && key.length < MIN_COPIED_CHARS && key !== previousKey;
    if (seen.has(key) && !listed) {
      previousKept = false;
      continue;
    }
    seen.add(key);
    result.push(paragraph);
    previousKept = true;
    previousKey = key;
  }
  return result;
}
