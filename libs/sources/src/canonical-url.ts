/**
 * The page's `<link rel="canonical" href="...">`, as an absolute http(s) URL against `base`, or
 * null. Read from the raw text, not a parsed tree: the fetcher reads it for every page it
 * fetches, and the article id follows it (see articleMessage). Only the first 100,000 characters
 * are looked at, up to the first `<body`; the first canonical link decides, even when its href
 * is empty or unusable. These limits are part of the id: a reader that found more would give
 * some pages a new id.
 */
export function canonicalUrl(html: string, base: string): string | null {
  const start = html.slice(0, 100_000);
  const bodyAt = start.search(/<body[\s>]/i);
  const head = bodyAt === -1 ? start : start.slice(0, bodyAt);
  for (const tag of head.match(/<link\b[^>]*>/gi) ?? []) {
    if (!/\brel\s*=\s*["']?canonical\b/i.test(tag)) continue;
    const href = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
    const value = href?.[1] ?? href?.[2] ?? href?.[3];
    if (!value) return null;
    try {
      const url = new URL(value.trim(), base);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
    } catch {
      return null;
    }
  }
  return null;
}
