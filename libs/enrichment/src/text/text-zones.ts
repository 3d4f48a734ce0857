/** Where a piece of text sits in the article: the title and the lead say what the story is about. */
export type ZoneKind = 'title' | 'lead' | 'body';

export interface TextZone {
  kind: ZoneKind;
  /** Position among the zones, in reading order (title 0, lead next, then each body paragraph). */
  order: number;
  text: string;
  /** For a body zone, its index among the input's paragraphs (blank-line separated); else 0. */
  paragraph: number;
  /**
   * Written in headline case ("Talks Between Putin and Al Thani Mark ..."): capitals carry no
   * information there, so name finders must not treat a capitalised word as a name.
   */
  headline: boolean;
}

export interface TextInput {
  title?: string | null;
  lead?: string | null;
  text: string;
  /** The text's language (ISO 639-1) when known; null when unknown, left out to detect it. */
  language?: string | null;
}

/** Longer than any headline or subheading: 200 characters is about 30 words. */
const HEADLINE_MAX_CHARS = 200;

/**
 * How much of an article is tagged: its first 100,000 characters, title and lead first, then the
 * body. The extraction benchmark's longest article body is 53,372 characters (its median 3,158,
 * GeoWebNews's longest 7,667), so a real article is read whole; what lies past this is no article
 * but a page of junk or an attack, and each finder costs time and memory with every word (10^6
 * short paragraphs had taken 10 s and 1 GB). Offsets and paragraph indices stay those of the
 * whole article: the cut only drops what follows.
 */
export const MAX_TAGGED_CHARS = 100_000;

/** How far back from the cut to look for a space, so that the cut does not end inside a word. */
const MAX_WORD_CHARS = 64;

/**
 * Splits an article into title, lead and body paragraphs, at most MAX_TAGGED_CHARS of them. A
 * lead that repeats the first body paragraph (publishers often reuse it as the description) is
 * counted once, as the lead. Text is whitespace-normalised, so offsets into a zone are offsets
 * into an extracted paragraph as is.
 */
export function toZones(input: TextInput): TextZone[] {
  const zones: TextZone[] = [];
  const push = (kind: ZoneKind, text: string, paragraph = 0): void => {
    // A paragraph of prose is never in headline case; only short ones (subheadings) are read.
    const headline = text.length <= HEADLINE_MAX_CHARS && isHeadlineCase(text);
    zones.push({ kind, order: zones.length, text, paragraph, headline });
  };

  // Cut before anything reads the text: splitting and cleaning are linear, but not free.
  let budget = MAX_TAGGED_CHARS;
  const within = (text: string | null | undefined): string => {
    const kept = prefix(text ?? '', budget);
    budget -= kept.length;
    return kept;
  };
  const title = clean(within(input.title));
  const lead = clean(within(input.lead));
  if (title) push('title', title);
  if (lead) push('lead', lead);

  const paragraphs = within(input.text)
    .split(/\n\s*\n/)
    .map((paragraph) => clean(paragraph))
    .filter((paragraph) => paragraph.length > 0);
  // The lead's repeat is skipped, but the paragraphs after it keep their own index.
  const skipFirst = lead !== '' && paragraphs[0] === lead;
  paragraphs.forEach((paragraph, index) => {
    if (index > 0 || !skipFirst) push('body', paragraph, index);
  });
  return zones;
}

/**
 * The text's first `limit` characters (UTF-16 units), ended at the last whitespace among the
 * final MAX_WORD_CHARS of them: a word cut in two may name something else ("Indiana" cut to
 * "India"). A surrogate pair is never split. Reads no character at or past `limit`, so what
 * follows the cut cannot change what is kept.
 */
export function prefix(text: string, limit: number): string {
  if (text.length <= limit) return text;
  let end = Math.max(0, limit);
  for (let i = end - 1; i >= 0 && i >= end - MAX_WORD_CHARS; i -= 1) {
    if (/\s/.test(text.charAt(i))) {
      end = i;
      break;
    }
  }
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return text.slice(0, end);
}

function clean(raw: string): string {
  // Most paragraphs are already single-spaced: a search is far cheaper than a replace that
  // rewrites every space.
  return (WHITESPACE_TO_CLEAN.test(raw) ? raw.replace(/\s+/g, ' ') : raw).trim();
}

/** Whitespace that clean() would change: anything but a space, or two in a row. */
const WHITESPACE_TO_CLEAN = /[^\S ]|\s\s/;

/** Most words of four letters or more start with a capital: a headline, not a sentence. */
export function isHeadlineCase(text: string): boolean {
  // The runs of four letters or more (/\p{L}{4,}/gu), read letter by letter: most zones are
  // short enough to be asked, and matching them with the expression cost more than the rest.
  let words = 0;
  let capitalised = 0;
  let run = 0;
  let capitalRun = false;
  for (let i = 0; i <= text.length; ) {
    const code = i < text.length ? (text.codePointAt(i) as number) : -1;
    if (code >= 0 && isLetter(code)) {
      if (run === 0) capitalRun = isUpperCase(code);
      run += 1;
    } else {
      if (run >= 4) {
        words += 1;
        if (capitalRun) capitalised += 1;
      }
      run = 0;
    }
    i += code > 0xffff ? 2 : 1;
  }
  if (words < 3) return false;
  // Name-heavy news sentences reach about 0.6; real headlines are near 1.
  return capitalised / words >= 0.75;
}

function isLetter(code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return /\p{L}/u.test(String.fromCodePoint(code));
}

function isUpperCase(code: number): boolean {
  if (code < 128) return code >= 65 && code <= 90;
  return /\p{Lu}/u.test(String.fromCodePoint(code));
}
