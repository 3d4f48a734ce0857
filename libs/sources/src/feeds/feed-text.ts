import { Parser } from 'htmlparser2';
import { normalizeUrl } from '../article-id';

/** Tags whose edges separate words; without a space there, "<p>a</p><p>b</p>" would read "ab". */
const BLOCK = /^(p|br|div|li|ul|ol|h[1-6]|blockquote|tr|td|th|section|article|figure|figcaption)$/;
const HIDDEN = new Set(['script', 'style']);

/** Feed HTML (or plain text, which passes through) as one line of readable text. */
export function plainText(html: string | undefined): string | undefined {
  if (html === undefined) return undefined;
  const parts: string[] = [];
  let hidden = 0;
  const parser = new Parser({
    onopentagname(name) {
      if (HIDDEN.has(name)) hidden++;
      if (BLOCK.test(name)) parts.push(' ');
    },
    onclosetag(name) {
      if (HIDDEN.has(name)) hidden = Math.max(0, hidden - 1);
      if (BLOCK.test(name)) parts.push(' ');
    },
    ontext(text) {
      if (hidden === 0) parts.push(text);
    },
  });
  parser.write(html);
  parser.end();
  const text = parts.join('').replace(/\s+/g, ' ').trim();
  return text === '' ? undefined : text;
}

/**
 * A feed date (RFC 822 in RSS, RFC 3339 in Atom and JSON Feed, W3C datetime in sitemaps) as
 * ISO 8601 UTC; undefined when it does not read as a date, since a wrong date is worse than none.
 */
export function isoDate(raw: string | undefined): string | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const time = Date.parse(raw.trim());
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** An http(s) link resolved against the document it came from, normalized; undefined if unusable. */
export function absoluteUrl(raw: string | undefined, base: string): string | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  try {
    const url = new URL(raw.trim(), base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    return normalizeUrl(url.toString());
  } catch {
    return undefined;
  }
}

/** Trimmed, non-empty, first occurrence only. */
export function distinct(values: (string | undefined)[]): string[] {
  const kept = values.map((v) => v?.trim()).filter((v): v is string => v !== undefined && v !== '');
  return [...new Set(kept)];
}

/** Feeds often start with a byte-order mark, which neither XML nor JSON parsers expect. */
export function withoutBom(body: string): string {
  return body.startsWith('\uFEFF') ? body.slice(1) : body;
}
