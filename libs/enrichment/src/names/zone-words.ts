import { isCommonWord } from '../text/common-words';
import { isOrgWord, isPlaceWord, lexiconTagSet } from '../text/lexicon';
import { isTitleWord } from './name-words';
import { isAllCaps, isCapitalised, withoutPossessive, wordSet } from '../text/text-tokens';
import type { Token } from '../text/text-tokens';

// A zone's words as the name finders read them: each word's kind (title, given name, surname,
// other, unknown) worked out once, and the runs of capitalised words names are looked for in.

/**
 * The longest name kept, in characters: twice the longest the benchmark's articles have (89, an
 * organisation's). Longer is a run of junk (a 5,000-letter "word" makes a two-word "name"), and
 * the entity would carry it into the enriched message.
 */
export const MAX_NAME_CHARS = 200;

/** Tokens first to end (exclusive) of a zone's tokens. */
export interface TokenSpan {
  first: number;
  end: number;
}

/** Roles written before a name in lower case that compromise's lexicon does not file as actors. */
const ROLE_WORDS = wordSet(`
  defenseman defenceman goaltender goalkeeper keeper striker winger midfielder defender forward
  centre center teammate rookie veteran spokesman spokeswoman adviser advisor aide deputy
  candidate challenger rival opponent frontman guitarist drummer rapper actor actress star
  novelist author writer journalist reporter columnist editor analyst economist strategist
  researcher scientist professor lawmaker legislator prosecutor attorney lawyer judge sheriff
  suspect defendant victim officer detective founder chairman chief executive
`);

/** Tags of a word that is not a personal name, when the lexicon files it under nothing else. */
const NOT_NAME_TAGS = [
  'Place',
  'Organization',
  'Demonym',
  'Date',
  'Month',
  'WeekDay',
  'Pronoun',
  'Determiner',
  'Preposition',
  'Conjunction',
  'Verb',
  'Adverb',
  'Adjective',
  'Value',
  'Actor',
  'Plural',
];

type WordKind = 'title' | 'given' | 'surname' | 'other' | 'unknown';

/** A zone's tokens, each word's kind read once and kept. */
export class ZoneWords {
  private readonly kinds: (WordKind | undefined)[] = [];

  constructor(
    readonly text: string,
    readonly tokens: readonly Token[],
    readonly isPlaceName: (name: string) => boolean,
  ) {}

  /**
   * Whether token i and the next belong to one name: apart by a space or a hyphen, or by ". "
   * after an initial or an abbreviated title ("W. Carlineo", "Gov. Noem").
   */
  joins(i: number): boolean {
    const token = this.tokens[i];
    const next = this.tokens[i + 1];
    if (!token || !next) return false;
    if (token.next === 'space' || token.next === 'hyphen') return true;
    if (this.text.slice(token.end, next.start) !== '. ') return false;
    return isInitial(token.text) || isAbbreviation(token.text);
  }

  capitalised(i: number): boolean {
    const token = this.tokens[i];
    return !!token && isCapitalised(token.text);
  }

  /** A sentence's first word, unless an initial or abbreviation ended the "sentence". */
  opensSentence(i: number): boolean {
    const token = this.tokens[i];
    return !!token && token.sentenceStart && !(i > 0 && this.joins(i - 1));
  }

  kind(i: number): WordKind {
    let kind = this.kinds[i];
    if (kind === undefined) {
      kind = this.readKind(i);
      this.kinds[i] = kind;
    }
    return kind;
  }

  private readKind(i: number): WordKind {
    const text = this.tokens[i]?.text ?? '';
    const bare = withoutPossessive(text);
    const lower = bare.toLowerCase();
    const tags = lexiconTagSet(lower);
    if (isTitleWord(bare) || tags.has('Honorific')) return 'title';
    // A lone "Person" in the lexicon is a given name or a one-word name ("Brock", "Taylor").
    if (tags.has('FirstName') || tags.has('Person')) return 'given';
    if (tags.has('LastName')) return 'surname';
    // "SAN DIEGO", "NS": capitals throughout are a dateline, an acronym or a shout.
    if (isOrgWord(lower) || isInitial(bare) || isAllCaps(bare)) return 'other';
    if (tags.size > 0 && NOT_NAME_TAGS.some((tag) => tags.has(tag))) return 'other';
    if (isCommonWord(lower) || this.isPlaceName(bare)) return 'other';
    // Capitals inside a word make a brand ("SpaceX", "iPhone"), but for "McDonald" and the like.
    if (/\p{Ll}\p{Lu}/u.test(bare) && !/^(?:Mc|Mac|O['’]|De|Di|Da|Du|La|Le)\p{Lu}/u.test(bare))
      return 'other';
    return 'unknown';
  }

  /** A lower-case role before a name: "goalie Tuukka Rask", "lawyer John Smith". */
  isRole(i: number): boolean {
    const token = this.tokens[i];
    if (!token || isCapitalised(token.text)) return false;
    const lower = token.text.toLowerCase();
    return ROLE_WORDS.has(lower) || lexiconTagSet(lower).has('Actor');
  }
}

export function isInitial(word: string): boolean {
  return word.length === 1 && isCapitalised(word);
}

function isAbbreviation(word: string): boolean {
  const tags = lexiconTagSet(word.toLowerCase());
  return tags.has('Abbreviation') || tags.has('Honorific');
}

/**
 * The most tokens in one run of capitalised words. The longest name in the benchmark's articles
 * is 15 tokens ("B1 and B2 of the Council of Europe’s Common European Framework of Reference for
 * Languages"); a longer run is cut into runs of this many. The finders try each start in a run
 * against the words after it, so a run of thousands of capitalised words (a page of junk, a
 * list) had cost time by the square of its length: 100,000 characters of "Xyz and " took 34 s.
 */
export const MAX_RUN_TOKENS = 24;

/**
 * Runs of words from each capitalised word that does not already sit in one, as far as `grow`
 * extends them, at most MAX_RUN_TOKENS long: given a run's end, `grow` returns the next end, or
 * undefined to stop there.
 */
export function runsOf(words: ZoneWords, grow: (end: number) => number | undefined): TokenSpan[] {
  const runs: TokenSpan[] = [];
  let i = 0;
  while (i < words.tokens.length) {
    if (!words.capitalised(i)) {
      i += 1;
      continue;
    }
    let end = i + 1;
    for (let next = grow(end); next !== undefined && next - i <= MAX_RUN_TOKENS; next = grow(end))
      end = next;
    runs.push({ first: i, end });
    i = end;
  }
  return runs;
}

export function withinNameLength(words: ZoneWords, span: TokenSpan): boolean {
  const start = words.tokens[span.first]?.start ?? 0;
  const end = words.tokens[span.end - 1]?.end ?? 0;
  return end - start <= MAX_NAME_CHARS;
}

/** Tokens first to end as the lexicon keys its phrases: lower case, without possessives. */
export function lexiconPhrase(words: ZoneWords, first: number, end: number): string {
  return words.tokens
    .slice(first, end)
    .map((token) => withoutPossessive(token.text).toLowerCase())
    .join(' ');
}

/** Heads of the names of events, awards and facilities: "Stanley Cup", "Pepsi Center". */
const THING_WORDS = wordSet(`
  cup trophy award awards prize medal open championship championships final finals series bowl
  games day week act center centre arena stadium amphitheatre amphitheater pavilion
  festival conference summit show tour theatre theater church cathedral chapel school college
`);

/** A word that ends the name of a place, a building or an event (lower case). */
export function namesAThing(lower: string): boolean {
  return isPlaceWord(lower) || THING_WORDS.has(lower);
}
