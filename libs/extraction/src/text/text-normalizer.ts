// Characters that take no space but break equality and word counts (zero-width space and joiners,
// byte-order mark, soft hyphen).
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;

/** One line of running text: invisible characters removed, any run of whitespace made one space. */
export function normalizeText(text: string): string {
  return text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/** The key two texts share when a reader would call them the same paragraph. */
export function comparisonKey(text: string): string {
  return normalizeText(text).toLowerCase();
}

export function sameText(a: string | null | undefined, b: string | null | undefined): boolean {
  if (a == null || b == null) return false;
  return comparisonKey(a) === comparisonKey(b);
}

/** Normalises each paragraph, drops empty ones and keeps only the first of repeated ones. */
export function uniqueParagraphs(paragraphs: Iterable<string>): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const raw of paragraphs) {
    const paragraph = normalizeText(raw);
    const key = paragraph.toLowerCase();
    if (paragraph === '' || seen.has(key)) continue;
    seen.add(key);
    result.push(paragraph);
  }
  return result;
}
