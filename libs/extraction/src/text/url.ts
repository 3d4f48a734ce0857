/**
 * An absolute http(s) URL for `raw`, resolved against `base` when relative; null when it cannot be
 * one (empty, a fragment, `javascript:`, `data:` placeholders, relative with no base).
 */
export function absoluteUrl(raw: string | null | undefined, base: string | null): string | null {
  const value = raw?.trim();
  if (!value || value.startsWith('#')) return null;
  try {
    const url = base ? new URL(value, base) : new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
