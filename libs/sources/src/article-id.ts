import { createHash } from 'node:crypto';

/** Query parameters that track a click, not identify a page. */
const TRACKING =
  /^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|ocid|cmpid|ref|ref_src|smid)$/i;

/**
 * The form of a URL that two fetches of the same article share: no fragment, no tracking
 * parameters, lower-case host (WHATWG URL does that), no default port, no trailing slash on
 * a path other than "/".
 */
export function normalizeUrl(raw: string): string {
  const url = new URL(raw.trim());
  url.hash = '';
  for (const name of [...url.searchParams.keys()]) {
    if (TRACKING.test(name)) url.searchParams.delete(name);
  }
  url.searchParams.sort();
  if (url.pathname.length > 1 && url.pathname.endsWith('/'))
    url.pathname = url.pathname.slice(0, -1);
  return url.toString();
}

/** 16 hex digits (64 bits) of SHA-256: short enough to read, wide enough for billions of articles. */
function digest(input: string): string {
  return createHash('sha256').update(input).digest('hex').slice(0, 16);
}

export function articleIdFromUrl(url: string): string {
  return digest(`url:${normalizeUrl(url)}`);
}

/** For a saved page with no known address: the same text gives the same id. */
export function articleIdFromContent(text: string): string {
  return digest(`content:${text.replace(/\s+/g, ' ').trim()}`);
}
