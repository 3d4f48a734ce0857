import { detect } from 'chardet';
import iconv from 'iconv-lite';

export interface DecodedText {
  text: string;
  /** The charset the bytes were read as, lower case, e.g. "utf-8", "windows-1252". */
  charset: string;
}

const BOMS: { bytes: number[]; charset: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], charset: 'utf-8' },
  { bytes: [0xff, 0xfe], charset: 'utf-16le' },
  { bytes: [0xfe, 0xff], charset: 'utf-16be' },
];

/**
 * Bytes to text, in the order browsers trust: byte-order mark, then the HTTP Content-Type
 * charset, then `<meta charset>` / `http-equiv` in the first 1 KiB or an XML declaration's
 * `encoding` (feeds, sitemaps), then valid UTF-8, then
 * statistical sniffing (chardet). Decoding goes through iconv-lite, not Node's TextDecoder,
 * which maps windows-1252 bytes 0x80-0x9F wrongly (nodejs/node#60888).
 */
export function decodeDocument(bytes: Buffer, contentType?: string | null): DecodedText {
  const bom = BOMS.find((b) => b.bytes.every((byte, i) => bytes[i] === byte));
  if (bom)
    return {
      text: iconv.decode(bytes.subarray(bom.bytes.length), bom.charset),
      charset: bom.charset,
    };

  const declared =
    usable(charsetFromContentType(contentType)) ??
    usable(charsetFromMeta(bytes)) ??
    usable(charsetFromXmlDeclaration(bytes));
  if (declared) return { text: iconv.decode(bytes, declared), charset: declared };

  const utf8 = utf8Text(bytes);
  if (utf8 !== undefined) return { text: utf8, charset: 'utf-8' };

  const sniffed = usable(detect(bytes)?.toLowerCase() ?? null) ?? 'windows-1252';
  return { text: iconv.decode(bytes, sniffed), charset: sniffed };
}

export function charsetFromContentType(contentType?: string | null): string | null {
  const match = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '');
  return match?.[1]?.toLowerCase() ?? null;
}

function charsetFromMeta(bytes: Buffer): string | null {
  // Declarations must sit in the first 1024 bytes (HTML's prescan); ASCII is enough to read them.
  const head = bytes.subarray(0, 1024).toString('latin1');
  const meta = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return meta?.[1]?.toLowerCase() ?? null;
}

/** `<?xml version="1.0" encoding="windows-1251"?>`: how feeds and sitemaps name their charset. */
function charsetFromXmlDeclaration(bytes: Buffer): string | null {
  const head = bytes.subarray(0, 200).toString('latin1');
  const declaration = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  return declaration?.[1]?.toLowerCase() ?? null;
}

/** A charset iconv-lite can decode, with the aliases browsers apply (latin1 means windows-1252). */
function usable(charset: string | null): string | null {
  if (!charset) return null;
  const aliased = ['iso-8859-1', 'latin1', 'us-ascii', 'ascii', 'iso8859-1'].includes(charset)
    ? 'windows-1252'
    : charset === 'utf8'
      ? 'utf-8'
      : charset;
  return iconv.encodingExists(aliased) ? aliased : null;
}

/** The text, if the bytes are valid UTF-8: decoded once, the check and the text together. */
function utf8Text(bytes: Buffer): string | undefined {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    return undefined;
  }
}

// No BOM reaches it (one is read above), so ignoreBOM changes nothing but is said outright.
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
