import { isCommonWord, isDictionaryWord } from '../text/common-words';
import { isOrgWord, isPlaceWord, lexiconTagSet, longestLexiconPhrase } from '../text/lexicon';
import { isParticle, isTitleWord } from './name-words';
import {
  isAllCaps,
  isCapitalised,
  tokenize,
  withoutPossessive,
  wordSet,
} from '../text/text-tokens';
import type { Token } from '../text/text-tokens';

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

export interface FoundNames {
  tokens: readonly Token[];
  /** Full names, titles left out: "Vladimir Putin" of "President Vladimir Putin". */
  people: TokenSpan[];
  /** Candidate organisation names; organisation-finder decides which to keep. */
  organisations: TokenSpan[];
  /**
   * People's names inside the name of something else ("Percy French" of "Percy French Hotel",
   * "Dick Clark" of "Dick Clark Productions"): no person, but no place is read in them either.
   */
  namedAfter: TokenSpan[];
}

/**
 * People's and organisations' names in one zone of text, found without a part-of-speech tagger.
 *
 * Candidates first: runs of capitalised words on one line (with name particles, initials and
 * abbreviated titles inside: "Tamim bin Hamad Al Thani", "Patrick W. Carlineo", "Gov. Kristi
 * Noem"). Then each run is read word by word against compromise's lexicon (given names,
 * surnames, honorifics, organisations, places, parts of speech), SCOWL's common English words
 * and the place gazetteer. Most words of an article are not in a capitalised run, so an article
 * costs a fraction of a millisecond where a full tagger costs tens.
 *
 * A person: two or more name words, where the first is a given name, or a title or a role
 * ("goalie", "Foreign Minister") stands before them, or the last is a known surname, or every
 * one is a word no list knows (names the lists lack: "Tuukka Rask", "Saeb Erekat").
 * An organisation: a run ending with a word organisations end with ("Commission", "Bank",
 * "Party"), with an "of ..." after it ("Bank of England"); a name in the lexicon's
 * organisations and sports teams; or an acronym the lexicon knows as nothing else.
 */
export function findNames(text: string, isPlaceName: (name: string) => boolean): FoundNames {
  const tokens = tokenize(text);
  const words = new ZoneWords(text, tokens, isPlaceName);
  const { people, namedAfter } = findPeopleSpans(words);
  return { tokens, people, organisations: findOrganisationSpans(words), namedAfter };
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

/** Lower-case words that join the parts of an organisation's name: "Bank of England". */
const ORG_CONNECTORS = wordSet('of for on and de du des la the');

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

/** Short, all-capital words that are no organisation. */
const NOT_ORG_ACRONYMS = wordSet(`
  ceo cfo coo cto gdp ipo tv ai dna rna hiv aids covid usd eur gbp jpy pm am ok id pc usb gps ev
  suv vip mvp ot rbi era faq diy lgbt lgbtq ii iii iv vi vii viii ix xi xii gmt utc est edt cst
  cdt pst pdt cet bst ist jst aest
`);

type WordKind = 'title' | 'given' | 'surname' | 'other' | 'unknown';

/** A zone's tokens, each word's kind read once and kept. */
class ZoneWords {
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

/**
 * The lower-case half of a hyphenated name ("yip" of "Hau-yip", "jin" of "Kim Yo-jong"): short,
 * or no English word, and not what a compound adjective ends with ("Kremlin-backed").
 */
function isNameSyllable(word: string): boolean {
  if (COMPOUND_ENDS.has(word)) return false;
  return (word.length <= 4 && /^\p{Ll}+$/u.test(word)) || !isDictionaryWord(word);
}

const COMPOUND_ENDS = wordSet(`
  led backed based born owned funded made run linked allied style era wide like free
`);

function isInitial(word: string): boolean {
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
function runsOf(words: ZoneWords, grow: (end: number) => number | undefined): TokenSpan[] {
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

function withinNameLength(words: ZoneWords, span: TokenSpan): boolean {
  const start = words.tokens[span.first]?.start ?? 0;
  const end = words.tokens[span.end - 1]?.end ?? 0;
  return end - start <= MAX_NAME_CHARS;
}

/** Maximal runs of capitalised words (and what may sit inside a name) joined on one line. */
function capitalisedRuns(words: ZoneWords): TokenSpan[] {
  const { tokens } = words;
  return runsOf(words, (end) => {
    if (end >= tokens.length || !words.joins(end - 1)) return undefined;
    if (words.capitalised(end)) return end + 1;
    // The lower-case half of a hyphenated name: "Cheuk Hau-yip".
    if (tokens[end - 1]?.next === 'hyphen' && isNameSyllable(tokens[end]?.text ?? ''))
      return end + 1;
    // Particles between two name words: "Tamim bin Hamad", "Ursula von der Leyen".
    let next = end;
    while (next < tokens.length && isParticle(tokens[next]?.text ?? '') && words.joins(next))
      next += 1;
    return next > end && words.capitalised(next) ? next + 1 : undefined;
  });
}

function findPeopleSpans(words: ZoneWords): { people: TokenSpan[]; namedAfter: TokenSpan[] } {
  const people: TokenSpan[] = [];
  const namedAfter: TokenSpan[] = [];
  for (const run of capitalisedRuns(words)) {
    let k = run.first;
    while (k < run.end) {
      const found = lexiconPersonAt(words, run, k) ?? personAt(words, run, k);
      if (!found) {
        k += 1;
        continue;
      }
      // "Dick Clark Productions", "Percy French Hotel": the name of something else.
      const after = withoutPossessive(words.tokens[found.end]?.text ?? '').toLowerCase();
      const ofThing = found.end < run.end && (isOrgWord(after) || namesAThing(after));
      if (ofThing) namedAfter.push(found);
      else if (withinNameLength(words, found)) people.push(found);
      k = found.end;
    }
  }
  return { people, namedAfter };
}

/** Tokens first to end as the lexicon keys its phrases: lower case, without possessives. */
function lexiconPhrase(words: ZoneWords, first: number, end: number): string {
  return words.tokens
    .slice(first, end)
    .map((token) => withoutPossessive(token.text).toLowerCase())
    .join(' ');
}

/** A full name the lexicon knows ("Paris Hilton", "Barack Obama"), starting at token k. */
function lexiconPersonAt(words: ZoneWords, run: TokenSpan, k: number): TokenSpan | undefined {
  for (let end = Math.min(run.end, k + 3); end > k + 1; end--) {
    if (lexiconTagSet(lexiconPhrase(words, k, end)).has('Person')) return { first: k, end };
  }
  return undefined;
}

/** The person whose name starts at token k of the run, if the words there make one. */
function personAt(words: ZoneWords, run: TokenSpan, k: number): TokenSpan | undefined {
  const tokens = words.tokens;
  const titled =
    (k > run.first && words.kind(k - 1) === 'title') || (k === run.first && words.isRole(k - 1));
  if (titled) return titledPersonAt(words, run, k);
  const kind = words.kind(k);
  if (kind !== 'given' && kind !== 'surname' && kind !== 'unknown') return undefined;

  // The name words from k: particles and initials inside, a hyphenated part with them.
  const nameWords: number[] = [k];
  let end = k + 1;
  while (end < run.end) {
    const text = tokens[end]?.text ?? '';
    const wordKind = words.kind(end);
    if (isParticle(text) && end + 1 < run.end) {
      // Inside a name, "Al" and "bin" are particles ("Tamim bin Hamad Al Thani").
      end += 1;
    } else if (wordKind === 'given' || wordKind === 'surname' || wordKind === 'unknown') {
      nameWords.push(end);
      end += 1;
    } else if (
      // A double-barrelled surname with a place or a word in it: "Tanesha Melbourne-Blake".
      tokens[end]?.next === 'hyphen' &&
      words.capitalised(end) &&
      words.capitalised(end + 1) &&
      end + 1 < run.end
    ) {
      nameWords.push(end, end + 1);
      end += 2;
    } else if (tokens[end - 1]?.next === 'hyphen' && !words.capitalised(end)) {
      end += 1;
      nameWords.push(end - 1);
    } else if (isInitial(text) && end + 1 < run.end) {
      end += 1;
    } else if (
      // A given name that is nothing else takes a common word for a surname: "Fiona Hill",
      // "Taylor Swift", "John Bolton".
      nameWords.length === 1 &&
      kind === 'given' &&
      isPureGivenName(words, k) &&
      isPlainCapitalisedWord(words, end)
    ) {
      nameWords.push(end);
      end += 1;
    } else break;
  }
  // Trailing particles and initials are not part of the name.
  const last = nameWords[nameWords.length - 1] ?? k;
  end = last + 1;
  if (nameWords.length < 2) return undefined;

  const knownName = nameWords.some((index) => {
    const wordKind = words.kind(index);
    return wordKind === 'given' || wordKind === 'surname';
  });
  // Words no list knows, and no dictionary either: "Tuukka Rask", not "Caja Magica" or
  // "Shoreline Amphitheatre" (a place the gazetteer lacks).
  const unknownName =
    nameWords.length <= 3 &&
    nameWords.every((index) => !isDictionaryWord(tokens[index]?.text ?? ''));
  if (!knownName && !unknownName) return undefined;
  const start = tokens[k]?.start ?? 0;
  const stop = tokens[end - 1]?.end ?? 0;
  if (words.isPlaceName(withoutPossessive(words.text.slice(start, stop)))) return undefined;
  return { first: k, end };
}

/** Heads of the names of events, awards and facilities: "Stanley Cup", "Pepsi Center". */
const THING_WORDS = wordSet(`
  cup trophy award awards prize medal open championship championships final finals series bowl
  games day week act center centre arena stadium amphitheatre amphitheater pavilion
  festival conference summit show tour theatre theater church cathedral chapel school college
`);

/** A word that ends the name of a place, a building or an event (lower case). */
function namesAThing(lower: string): boolean {
  return isPlaceWord(lower) || THING_WORDS.has(lower);
}

/**
 * After a title or a role ("reporter Bill Holland", "Foreign Minister Ayman Safadi") the next
 * two to four capitalised words are the name, whatever else they could be, up to one that names
 * an organisation, a building or a date.
 */
function titledPersonAt(words: ZoneWords, run: TokenSpan, k: number): TokenSpan | undefined {
  let end = k;
  let count = 0;
  while (end < run.end && count < 4) {
    const text = words.tokens[end]?.text ?? '';
    if (isParticle(text) || isInitial(text)) {
      end += 1;
      continue;
    }
    if (count > 0 && words.tokens[end - 1]?.next === 'hyphen' && !words.capitalised(end)) {
      end += 1;
      continue;
    }
    const kind = words.kind(end);
    const nameLike =
      kind === 'given' ||
      kind === 'surname' ||
      kind === 'unknown' ||
      isPlainCapitalisedWord(words, end);
    if (!nameLike) break;
    count += 1;
    end += 1;
  }
  while (end > k && isParticleOrInitial(words.tokens[end - 1]?.text ?? '')) end -= 1;
  return count >= 2 ? { first: k, end } : undefined;
}

function isParticleOrInitial(text: string): boolean {
  return isParticle(text) || isInitial(text);
}

/**
 * A given name no list also files as a place: "Fiona", "Peter", not "Virginia". One that is
 * also a common word ("Will", "Mark") opening a sentence may be the word.
 */
function isPureGivenName(words: ZoneWords, i: number): boolean {
  const text = words.tokens[i]?.text ?? '';
  if (lexiconTagSet(text.toLowerCase()).has('Place') || words.isPlaceName(text)) return false;
  return !(isCommonWord(text) && words.opensSentence(i));
}

/** A capitalised ordinary word that could be a surname: not an organisation's or a date's. */
function isPlainCapitalisedWord(words: ZoneWords, i: number): boolean {
  const text = words.tokens[i]?.text ?? '';
  const lower = withoutPossessive(text).toLowerCase();
  if (!isCapitalised(text) || isAllCaps(text) || isOrgWord(lower) || namesAThing(lower))
    return false;
  if (words.kind(i) === 'title') return false;
  const tags = lexiconTagSet(lower);
  return !['Date', 'Month', 'WeekDay', 'Organization'].some((tag) => tags.has(tag));
}

function findOrganisationSpans(words: ZoneWords): TokenSpan[] {
  // What one run names lies inside it: each run is read on its own.
  return organisationRuns(words)
    .flatMap((run) => splitAtAnd(words, run))
    .flatMap((run) => organisationsIn(words, run))
    .filter((span) => withinNameLength(words, span))
    .sort((a, b) => a.first - b.first);
}

/** The organisations a run names: by its organisation word, then the lexicon's, then an acronym. */
function organisationsIn(words: ZoneWords, run: TokenSpan): TokenSpan[] {
  const found: TokenSpan[] = [];
  const taken = (span: TokenSpan): boolean =>
    found.some((other) => span.first < other.end && other.first < span.end);
  const named = headedByOrgWord(words, run);
  if (named) found.push(named);
  for (const span of lexiconOrganisations(words, run)) if (!taken(span)) found.push(span);
  const first = words.tokens[run.first]?.text === 'The' ? run.first + 1 : run.first;
  const acronym = { first, end: run.end };
  if (
    run.end - first === 1 &&
    isOrgAcronym(words, words.tokens[first]?.text ?? '') &&
    !taken(acronym)
  )
    found.push(acronym);
  return found;
}

/**
 * Capitalised runs joined across the small words inside organisations' names ("Department of
 * Health and Human Services", "Procter & Gamble").
 */
function organisationRuns(words: ZoneWords): TokenSpan[] {
  const { tokens, text } = words;
  const ampersand = (i: number): boolean => {
    const token = tokens[i];
    const next = tokens[i + 1];
    return !!token && !!next && /^\s*&\s*$/.test(text.slice(token.end, next.start));
  };
  return runsOf(words, (end) => {
    if (end >= tokens.length) return undefined;
    if ((words.joins(end - 1) || ampersand(end - 1)) && words.capitalised(end)) return end + 1;
    // Up to two connectors ("of the") between capitalised words.
    let next = end;
    while (
      next < end + 2 &&
      next < tokens.length &&
      words.joins(next - 1) &&
      ORG_CONNECTORS.has(tokens[next]?.text ?? '')
    )
      next += 1;
    return next > end && words.joins(next - 1) && words.capitalised(next) ? next + 1 : undefined;
  });
}

/**
 * The organisation a run names by its last organisation word ("European Commission", "Columbus
 * Police Department"), with what follows an "of" after it ("Bank of England").
 */
function headedByOrgWord(words: ZoneWords, run: TokenSpan): TokenSpan | undefined {
  const { tokens } = words;
  let head = -1;
  for (let i = run.end - 1; i >= run.first && head < 0; i--) {
    const lower = withoutPossessive(tokens[i]?.text ?? '').toLowerCase();
    if (!words.capitalised(i) || !isOrgWord(lower)) continue;
    // A "Center" is a building unless it is one for something ("Center for Disease Control").
    if (FACILITY_ORG_WORDS.has(lower) && !hasTail(words, i, run.end)) continue;
    head = i;
  }
  if (head < 0) return undefined;
  let first = run.first;
  for (let i = run.first; i < head; i++) {
    const text = tokens[i]?.text ?? '';
    // "Xi's Communist Party", "South Dakota's Department of Social Services": the owner is not
    // part of the name.
    if (/['’]s$/u.test(text)) first = i + 1;
  }
  while (first < head && !isNamePart(words, first)) first += 1;
  const end = hasTail(words, head, run.end) ? tailEnd(words, head, run.end) : head + 1;
  // A lone organisation word ("Council", "Group") names nothing by itself.
  if (first === head && end === head + 1) return undefined;
  return { first, end };
}

/**
 * "The Arab League and the European Union": two names. "Food and Drug Administration": one, as
 * what stands before its "and" names nothing by itself.
 */
function splitAtAnd(words: ZoneWords, run: TokenSpan): TokenSpan[] {
  const parts: TokenSpan[] = [];
  let first = run.first;
  for (let i = run.first; i < run.end; i++) {
    if (words.tokens[i]?.text === 'and' && endsWithName(words, first, i)) {
      parts.push({ first, end: i });
      first = words.tokens[i + 1]?.text === 'the' ? i + 2 : i + 1;
    }
  }
  parts.push({ first, end: run.end });
  return parts.filter((part) => part.end > part.first);
}

/** Organisation words that, alone at the end, mostly name a building or a venue. */
const FACILITY_ORG_WORDS = wordSet('center centre');

/** Whether words first to end (exclusive) hold an organisation word or are a place's name. */
function endsWithName(words: ZoneWords, first: number, end: number): boolean {
  const { tokens, text } = words;
  if (end <= first) return false;
  for (let i = first; i < end; i++)
    if (isOrgWord(withoutPossessive(tokens[i]?.text ?? '').toLowerCase())) return true;
  const name = text.slice(tokens[first]?.start ?? 0, tokens[end - 1]?.end ?? 0);
  return words.isPlaceName(name.replace(/^the\s+/i, ''));
}

/** An "of", "for" or "on" right after the head, then more of the run: "Bank of England". */
function hasTail(words: ZoneWords, head: number, runEnd: number): boolean {
  const next = words.tokens[head + 1]?.text ?? '';
  return head + 2 < runEnd && (next === 'of' || next === 'for' || next === 'on');
}

/** The tail runs to the run's end, or to an "and" that starts another name. */
function tailEnd(words: ZoneWords, head: number, runEnd: number): number {
  for (let i = head + 2; i < runEnd; i++) {
    if (words.tokens[i]?.text === 'and' && words.tokens[i + 1]?.text === 'the') return i;
    if (words.tokens[i]?.text === 'and') {
      for (let j = i + 1; j < runEnd; j++)
        if (isOrgWord(withoutPossessive(words.tokens[j]?.text ?? '').toLowerCase())) return i;
    }
  }
  return runEnd;
}

function isNamePart(words: ZoneWords, i: number): boolean {
  const text = words.tokens[i]?.text ?? '';
  if (!words.capitalised(i)) return false;
  if (text === 'The') return false;
  const tags = lexiconTagSet(text.toLowerCase());
  if (
    ['Date', 'Month', 'WeekDay', 'Preposition', 'Conjunction', 'Pronoun', 'Determiner'].some(
      (tag) => tags.has(tag),
    )
  )
    return false;
  return !(words.opensSentence(i) && isCommonWord(text) && !isOrgWord(text.toLowerCase()));
}

/** Phrases of the run that the lexicon files as organisations, companies or teams, longest first. */
function lexiconOrganisations(words: ZoneWords, run: TokenSpan): TokenSpan[] {
  const spans: TokenSpan[] = [];
  const longest = longestLexiconPhrase();
  let i = run.first;
  while (i < run.end) {
    let match = 0;
    for (let end = Math.min(run.end, i + longest); end > i; end--) {
      const phrase = lexiconPhrase(words, i, end);
      const tags = lexiconTagSet(phrase);
      const single = end === i + 1;
      // "Inc" alone is no name; a sentence's "Visa" or "Sears" may be the word.
      if (single && (isOrgWord(phrase) || (words.opensSentence(i) && isCommonWord(phrase))))
        continue;
      if (tags.has('Organization') && !tags.has('Place') && !tags.has('Person')) {
        match = end;
        break;
      }
    }
    // "Pepsi Center", "Toyota Stadium": a sponsor's name on a building is no organisation.
    const after = withoutPossessive(words.tokens[match]?.text ?? '').toLowerCase();
    const onBuilding = match < run.end && namesAThing(after);
    if (match > 0 && !onBuilding) {
      spans.push({ first: i, end: match });
      i = match;
    } else i += Math.max(1, match - i);
  }
  return spans;
}

/**
 * "NATO", "ATP": an acronym the lexicon knows as an organisation, or one of three letters or
 * more it knows as nothing else. Two letters are too often a state or a unit ("NC", "LP").
 */
function isOrgAcronym(words: ZoneWords, text: string): boolean {
  if (!/^[A-Z][A-Z&]{1,5}$/.test(text)) return false;
  const lower = text.toLowerCase();
  if (NOT_ORG_ACRONYMS.has(lower) || words.isPlaceName(text)) return false;
  const tags = lexiconTagSet(lower);
  if (tags.size > 0) return tags.has('Organization');
  return text.length >= 3 && !isCommonWord(lower);
}
