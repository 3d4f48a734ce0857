import { Tokenizer } from 'htmlparser2';
import type { TokenizerCallbacks } from 'htmlparser2';
import { normalizeUrl } from '../article-id';

/** Tags whose edges separate words; without a space there, "<p>a</p><p>b</p>" would read "ab". */
const BLOCK = /^(p|br|div|li|ul|ol|h[1-6]|blockquote|tr|td|th|section|article|figure|figcaption)$/;
/** Raw-text elements whose content is not text to read; nothing nests inside them. */
const HIDDEN = new Set(['script', 'style']);

/**
 * Feed HTML (or plain text, which passes through) as one line of readable text.
 *
 * Reads htmlparser2's tokens and keeps no element stack: only the tag names matter here, and
 * htmlparser2's Parser grows its stack with `unshift`, which made a description of 400,000
 * nested tags cost 82 s (quadratic). One pass over the tokens is linear in the input, which the
 * fetch's byte cap (FETCH_MAX_BYTES) bounds.
 */
export function plainText(html: string | undefined): string | undefined {
  if (html === undefined) return undefined;
  const parts: string[] = [];
  /** The script or style element being read, whose content is skipped. */
  let hiddenIn: string | null = null;
  const tagName = (start: number, end: number): string => html.slice(start, end).toLowerCase();
  const edge = (name: string): void => {
    if (BLOCK.test(name)) parts.push(' ');
  };
  const ignore = (): void => undefined;
  const callbacks: TokenizerCallbacks = {
    onopentagname(start, end) {
      const name = tagName(start, end);
      if (HIDDEN.has(name)) hiddenIn = name;
      edge(name);
    },
    onclosetag(start, end) {
      const name = tagName(start, end);
      if (name === hiddenIn) hiddenIn = null;
      edge(name);
    },
    ontext(start, end) {
      if (hiddenIn === null) parts.push(html.slice(start, end));
    },
    ontextentity(codepoint) {
      if (hiddenIn === null) parts.push(String.fromCodePoint(codepoint));
    },
    onattribdata: ignore,
    onattribentity: ignore,
    onattribend: ignore,
    onattribname: ignore,
    oncdata: ignore,
    oncomment: ignore,
    ondeclaration: ignore,
    onend: ignore,
    onopentagend: ignore,
    onprocessinginstruction: ignore,
    onselfclosingtag: ignore,
  };
  const tokenizer = new Tokenizer({ decodeEntities: true }, callbacks);
  tokenizer.write(html);
  tokenizer.end();
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
