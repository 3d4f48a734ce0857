import { detect } from 'chardet';
import iconv from 'iconv-lite';
import { encodingForLabel } from './charset-labels';

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

/** The Encoding Standard's name for the encodings that decode to a single U+FFFD. */
const REPLACEMENT = 'replacement';

/**
 * Statistical sniffing reads the first 64 KiB only: its cost grows with the input (4.9 MB of
 * random bytes took 2.3 s), and a page that declares nothing shows its charset in its first
 * kilobytes as well as in its last.
 */
export const MAX_SNIFF_BYTES = 64 * 1024;

/**
 * Bytes to text, in the order browsers trust: byte-order mark, then the HTTP Content-Type
 * charset, then `<meta charset>` / `http-equiv` in the first 1 KiB or an XML declaration's
 * `encoding` (feeds, sitemaps), then valid UTF-8, then statistical sniffing (chardet) of the
 * first MAX_SNIFF_BYTES, else windows-1252.
 *
 * Only the WHATWG Encoding Standard's labels count, as in browsers: a label it does not list
 * (UTF-7, UTF-32 ...) is ignored, and a "replacement" one (ISO-2022-KR, HZ-GB-2312 ...) reads
 * as a single U+FFFD, charset `replacement`. Decoding goes through iconv-lite, not Node's
 * TextDecoder, which maps windows-1252 bytes 0x80-0x9F wrongly (nodejs/node#60888).
 */
export function decodeDocument(bytes: Buffer, contentType?: string | null): DecodedText {
  const bom = BOMS.find((b) => b.bytes.every((byte, i) => bytes[i] === byte));
  if (bom)
    return {
      text: iconv.decode(bytes.subarray(bom.bytes.length), bom.charset),
      charset: bom.charset,
    };

  const declared =
    decodable(charsetFromContentType(contentType)) ??
    decodable(asciiDeclared(charsetFromMeta(bytes))) ??
    decodable(asciiDeclared(charsetFromXmlDeclaration(bytes)));
  if (declared) return { text: decodeAs(bytes, declared), charset: declared };

  const utf8 = utf8Text(bytes);
  if (utf8 !== undefined) return { text: utf8, charset: 'utf-8' };

  const sniffed = decodable(detect(bytes.subarray(0, MAX_SNIFF_BYTES)));
  // A sniffer must not pick a replacement encoding: nothing declared it.
  const charset = sniffed !== null && sniffed !== REPLACEMENT ? sniffed : 'windows-1252';
  return { text: decodeAs(bytes, charset), charset };
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

/**
 * HTML's prescan: a declaration read as ASCII from the bytes cannot be UTF-16 (those bytes would
 * not read as ASCII), so it means UTF-8; x-user-defined there means windows-1252.
 */
function asciiDeclared(label: string | null): string | null {
  const encoding = label === null ? null : encodingForLabel(label);
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return 'utf-8';
  if (encoding === 'x-user-defined') return 'windows-1252';
  return encoding;
}

/** The encoding a label names (see charset-labels), when it can be decoded here; else null. */
function decodable(label: string | null): string | null {
  const encoding = label === null ? null : encodingForLabel(label);
  if (encoding === null) return null;
  return DECODERS[encoding] !== undefined || iconv.encodingExists(encoding) ? encoding : null;
}

/** The standard's encodings that iconv-lite lacks, or names differently. */
const DECODERS: Readonly<Record<string, ((bytes: Buffer) => string) | undefined>> = {
  [REPLACEMENT]: (bytes) => (bytes.length === 0 ? '' : '\uFFFD'),
  'x-mac-cyrillic': (bytes) => iconv.decode(bytes, 'maccyrillic'),
  'x-user-defined': userDefined,
  // Node's decoder has it when Node carries ICU's converters (its official builds do).
  ...optionalTextDecoder('iso-2022-jp'),
};

/** ASCII as is, each byte from 0x80 a private-use code point (Encoding Standard 14.5). */
function userDefined(bytes: Buffer): string {
  const units = new Uint16Array(bytes.length);
  bytes.forEach((byte, i) => (units[i] = byte < 0x80 ? byte : 0xf780 + byte - 0x80));
  // The array holds the code units in the machine's byte order, little-endian on every target.
  return new TextDecoder('utf-16le').decode(units);
}

function optionalTextDecoder(encoding: string): Record<string, (bytes: Buffer) => string> {
  try {
    const decoder = new TextDecoder(encoding);
    return { [encoding]: (bytes) => decoder.decode(bytes) };
  } catch {
    return {};
  }
}

function decodeAs(bytes: Buffer, encoding: string): string {
  return DECODERS[encoding]?.(bytes) ?? iconv.decode(bytes, encoding);
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
