/** A word (or a dotted abbreviation such as "U.S.") with its place in the zone's text. */
export interface Token {
  text: string;
  start: number;
  end: number;
  /** How the token joins the next one: a phrase may run across 'space' and 'hyphen' only. */
  next: 'space' | 'hyphen' | 'break' | 'end';
  /** First word of a sentence: its capital says nothing about being a name. */
  sentenceStart: boolean;
}

// Dotted abbreviations first ("U.S.", "U.K."), then words with inner apostrophes ("Qatar's",
// "d'Ivoire", "O'Brien"). Sticky: the tokenizer asks it at one position at a time.
const TOKEN = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}\p{M}]+)*/uy;

/**
 * The tokens of a text. The name, place and topic finders each read every zone: the last few
 * hundred texts' tokens are kept, so a zone is tokenised once. Callers must not change them.
 */
export function tokenize(text: string): readonly Token[] {
  let tokens = recent.get(text);
  if (!tokens) {
    tokens = tokenizeOnce(text);
    if (recent.size >= RECENT_TEXTS) recent = new Map();
    recent.set(text, tokens);
  }
  return tokens;
}

const RECENT_TEXTS = 500;
let recent = new Map<string, readonly Token[]>();

/**
 * Drops the kept tokens. The taggers call it when done with an article: tokens kept across
 * articles outlive the garbage collector's young generation, and copying them costs more than
 * the rare text seen again would save.
 *
 * A new map rather than clear(): V8's clear() leaves the old table, entries and all, linked to
 * the new one. Once the map has grown old (it lives as long as the process), every cleared table
 * is old too, and the young generation's collector keeps alive whatever old objects point at,
 * dead or not: every article's tokens would survive into the old generation.
 */
export function forgetTokens(): void {
  recent = new Map();
}

/**
 * The tokens of a text read once (a gazetteer name, a topic term), not kept. Kept, the tokens of
 * the gazetteer's many thousand names would outlive the young generation while it is built, and
 * V8 would learn from that to allocate every token straight into the old generation
 * (allocation-site pretenuring), the articles' tokens too: they would then cost a full
 * collection each instead of nothing.
 *
 * TOKEN's matches, in order. Plain ASCII words, nearly all of an English text, are read here
 * character by character, at a third of the expression's cost; the expression reads the rest
 * (anything outside ASCII, a capital and a full stop that may open "U.S.", an apostrophe).
 */
export function tokenizeOnce(text: string): Token[] {
  const tokens: Token[] = [];
  let previous: Token | undefined;
  let sentenceStart = true;
  let last = 0;
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    let end = -1;
    if (code < 128) {
      if (!isAsciiAlphanumeric(code)) {
        i += 1;
        continue;
      }
      let j = i + 1;
      while (j < text.length && isAsciiAlphanumeric(text.charCodeAt(j))) j += 1;
      const after = j < text.length ? text.charCodeAt(j) : 0;
      const dotted = after === 46 && j === i + 1 && code >= 65 && code <= 90;
      if (after < 128 && after !== 39 && !dotted) end = j;
    }
    if (end < 0) {
      TOKEN.lastIndex = i;
      const match = TOKEN.exec(text);
      if (!match) {
        // Past both halves of a surrogate pair, as the expression would step.
        i += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
        continue;
      }
      end = i + match[0].length;
    }
    if (previous) sentenceStart = joinNext(text, last, i, previous);
    previous = { text: text.slice(i, end), start: i, end, next: 'end', sentenceStart };
    tokens.push(previous);
    last = end;
    i = end;
  }
  return tokens;
}

function isAsciiAlphanumeric(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
}

/**
 * Sets how `previous` joins the token at `start` from the gap between them (`last` to `start`),
 * and says whether that token opens a sentence.
 */
function joinNext(text: string, last: number, start: number, previous: Token): boolean {
  // Most words are apart by one space, many by a comma or full stop and a space: no need to
  // look at such a gap any closer.
  const gapFirst = text.charCodeAt(last);
  if (start === last + 1 && gapFirst === 32) {
    previous.next = 'space';
    return false;
  }
  if (
    start === last + 2 &&
    (gapFirst === 44 || gapFirst === 46) &&
    text.charCodeAt(last + 1) === 32
  ) {
    previous.next = 'break';
    return gapFirst === 46;
  }
  const gap = text.slice(last, start);
  previous.next = joinKind(gap);
  // A full stop kept inside "U.S." is not seen here: such a sentence end is missed, which
  // only costs a capitalised word the benefit of the doubt.
  return /[.!?:;]["'”’)\]]*\s*["'“‘(\[]*$/.test(gap) || /\n/.test(gap);
}

function joinKind(gap: string): Token['next'] {
  if (/^[ \t\u00a0]+$/.test(gap)) return 'space';
  if (/^\s*[-‐‑–]\s*$/.test(gap) && !/\s[-–]\s/.test(gap)) return 'hyphen';
  return 'break';
}

/** Accents off, typographic apostrophes straightened: "Zürich" and "Zurich" look the same. */
export function fold(text: string): string {
  // Nearly every word of an English text is plain ASCII, with nothing to fold: the
  // normalisation is the slow part.
  if (isPlainAscii(text)) return text;
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘`´]/g, "'");
}

/** Printable ASCII without the backquote, which fold() would straighten. */
function isPlainAscii(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code > 0x7e || code === 0x60) return false;
  }
  return true;
}

/** "Qatar's" -> "Qatar", "Peskov’s" -> "Peskov". */
export function withoutPossessive(word: string): string {
  return word.replace(/['’]s$/u, '');
}

export function isCapitalised(word: string): boolean {
  // Asked of nearly every word: an ASCII letter or digit answers without the expression.
  const code = word.charCodeAt(0);
  if (code >= 97 && code <= 122) return false;
  if (code >= 65 && code <= 90) return true;
  if (code >= 48 && code <= 57) return false;
  return /^\p{Lu}/u.test(word);
}

export function isAllCaps(word: string): boolean {
  return /\p{L}/u.test(word) && word === word.toUpperCase() && word !== word.toLowerCase();
}

/** A set of words written as one whitespace-separated string, for readable word lists. */
export function wordSet(words: string): ReadonlySet<string> {
  return new Set(words.split(/\s+/).filter((word) => word.length > 0));
}
