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
// "d'Ivoire", "O'Brien").
const TOKEN = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}\p{M}]+)*/gu;

/**
 * The tokens of a text. The name, place and topic finders each read every zone: the last few
 * hundred texts' tokens are kept, so a zone is tokenised once. Callers must not change them.
 */
export function tokenize(text: string): readonly Token[] {
  let tokens = recent.get(text);
  if (!tokens) {
    tokens = tokenizeOnce(text);
    if (recent.size >= RECENT_TEXTS) recent.clear();
    recent.set(text, tokens);
  }
  return tokens;
}

const RECENT_TEXTS = 500;
const recent = new Map<string, readonly Token[]>();

function tokenizeOnce(text: string): Token[] {
  const tokens: Token[] = [];
  let sentenceStart = true;
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    const start = match.index;
    const previous = tokens[tokens.length - 1];
    // Most words are apart by one space: no need to look at the gap any closer.
    if (previous && start === last + 1 && text.charCodeAt(last) === 32) {
      previous.next = 'space';
      sentenceStart = false;
    } else if (previous) {
      const gap = text.slice(last, start);
      previous.next = joinKind(gap);
      // A full stop kept inside "U.S." is not seen here: such a sentence end is missed, which
      // only costs a capitalised word the benefit of the doubt.
      sentenceStart = /[.!?:;]["'”’)\]]*\s*["'“‘(\[]*$/.test(gap) || /\n/.test(gap);
    }
    tokens.push({
      text: match[0],
      start,
      end: start + match[0].length,
      next: 'end',
      sentenceStart,
    });
    last = start + match[0].length;
  }
  return tokens;
}

function joinKind(gap: string): Token['next'] {
  if (/^[ \t\u00a0]+$/.test(gap)) return 'space';
  if (/^\s*[-‐‑–]\s*$/.test(gap) && !/\s[-–]\s/.test(gap)) return 'hyphen';
  return 'break';
}

/** Accents off, typographic apostrophes straightened: "Zürich" and "Zurich" look the same. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘`´]/g, "'");
}

/** "Qatar's" -> "Qatar", "Peskov’s" -> "Peskov". */
export function withoutPossessive(word: string): string {
  return word.replace(/['’]s$/u, '');
}

export function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

export function isAllCaps(word: string): boolean {
  return /\p{L}/u.test(word) && word === word.toUpperCase() && word !== word.toLowerCase();
}

/** A set of words written as one whitespace-separated string, for readable word lists. */
export function wordSet(words: string): ReadonlySet<string> {
  return new Set(words.split(/\s+/).filter((word) => word.length > 0));
}
