import { isCommonWord } from '../../text/common-words';
import { leaderNamed, RULING_FAMILY, rulingFamilyOf } from '../data/heads-of-government';
import { PERSON_NAME_TAGS, lexiconTags } from '../../text/lexicon';
import { isTitleWord, nameParts } from '../../people/person-names';
import { elisionLength, placeGazetteer } from '../gazetteer/place-gazetteer';
import type {
  GazetteerEntry,
  NameNode,
  PlaceGazetteer,
  PlaceSense,
} from '../gazetteer/place-gazetteer';
import { SpanIndex } from '../../text/span-index';
import type { TextZone } from '../../text/text-zones';
import {
  fold,
  isAllCaps,
  isCapitalised,
  tokenize,
  withoutPossessive,
  wordSet,
} from '../../text/text-tokens';
import type { Token } from '../../text/text-tokens';
import { stateAbbreviations } from '../data/us-states';

/** A stretch of a zone's text, end exclusive. */
export interface ZoneSpan {
  zone: number;
  start: number;
  end: number;
}

/** Where a person is named: no place is read inside it, but the person may be a leader. */
export interface NameSpan extends ZoneSpan {
  /** The person's full name ("Vladimir Putin" for a later "Putin"), when known. */
  person?: string;
}

/** A place name found in the text, with the sense chosen for it. */
export interface PlaceMention extends ZoneSpan {
  /** As written, without a possessive: "Qatar" for "Qatar's". */
  surface: string;
  sense: PlaceSense;
  /** The name has other senses than the chosen one ("Georgia", "Paris"). */
  ambiguous?: boolean;
  /** A region or country written right after it said which ("Paris, Texas"). */
  qualified?: boolean;
}

interface Candidate extends ZoneSpan {
  surface: string;
  entry: GazetteerEntry;
  /** The entry's senses that fit the context, in order of preference. */
  senses: PlaceSense[];
  /** Small towns of the name (GazetteerEntry.namesakes): chosen only on the text's evidence. */
  namesakes: readonly PlaceSense[];
}

const NO_SENSES: readonly PlaceSense[] = [];

/** A zone's tokens, with what the matcher needs of each worked out once. */
interface ZoneWords {
  tokens: readonly Token[];
  /**
   * Folded, elided article off ("l'Allemagne" -> "Allemagne"), worked out on first use (see
   * foldedAt): most words are never looked up.
   */
  folded: (string | undefined)[];
  /** Inside a person's name: the span of that name. Empty when no name was given. */
  blocked: readonly (NameSpan | undefined)[];
}

/** A headline's one-word city must be a big one: "Aurora Seen Over ..." is not Aurora, Colorado. */
const HEADLINE_CITY_MIN_POPULATION = 1_000_000;
/** A smaller namesake wins only when it is at least this big next to the default one. */
const NAMESAKE_MIN_SHARE = 0.05;
/** A city this big is the one meant unless the text qualifies it: a small namesake never wins. */
const FAMOUS_CITY_MIN_POPULATION = 1_000_000;

/**
 * Finds place names in the zones, longest name first and word-aligned, outside the `blocked`
 * spans (people's names: "Jordan" in "Michael Jordan" is not a country), then picks a sense for
 * each ambiguous one. Case matters: "US" is a country, "us" is not. A person who is a sitting
 * leader ("Vladimir Putin", later "Putin") or of a ruling house ("Al Thani") counts for the
 * country, as a landmark with an office. One pass over each zone's words: the gazetteer is a
 * token trie.
 */
export function findPlaces(
  zones: readonly TextZone[],
  blocked: readonly NameSpan[],
  gazetteer: PlaceGazetteer = placeGazetteer(),
): PlaceMention[] {
  const byZone = new Map<number, NameSpan[]>();
  for (const span of blocked) {
    const spans = byZone.get(span.zone);
    if (spans) spans.push(span);
    else byZone.set(span.zone, [span]);
  }
  const candidates = zones.flatMap((zone) =>
    findCandidates(zone, byZone.get(zone.order) ?? [], gazetteer),
  );
  const places = resolve(candidates, zones, surnamesOf(blocked, zones));
  // A leader's name already read whole from the text is not counted again from its person.
  const read = new SpanIndex(places.filter((place) => place.sense.office !== undefined));
  const unread = blocked.filter((span) => !read.overlaps(span.zone, span.start, span.end));
  const leaders = leaderMentions(zones, unread, gazetteer);
  if (leaders.length === 0) return places;
  return [...places, ...leaders].sort((a, b) => a.zone - b.zone || a.start - b.start);
}

function findCandidates(
  zone: TextZone,
  blocked: readonly NameSpan[],
  gazetteer: PlaceGazetteer,
): Candidate[] {
  const words = zoneWords(zone.text, blocked);
  const { tokens } = words;
  // Needed for few zones (those with a word in capitals or a "US"): worked out on first use.
  let shoutingZone: boolean | undefined;
  const shouting = (): boolean => (shoutingZone ??= isShouting(zone.text));
  const dateline = tokens.findIndex(
    (token) => !isCapsWord(token.text) && !/^\d+$/.test(token.text),
  );
  const found: Candidate[] = [];

  let i = 0;
  while (i < tokens.length) {
    // Capitals-only names ("WASHINGTON") are looked up in a shouted zone or in its opening
    // dateline only ("TIJUANA & SAN DIEGO, MARCH 29 --"): elsewhere a word in capitals is an
    // acronym ("MOCA" is no town).
    const acrossName = words.blocked[i] !== undefined;
    const word = (tokens[i] as Token).text;
    if (!acrossName && !gazetteer.mayStartName(word)) {
      i += 1;
      continue;
    }
    // Only a word in capitals is looked up among the names in capitals.
    const shouted = dateline < 0 || i < dateline || (isCapsWord(word) && shouting());
    const match = acrossName
      ? leaderAcross(words, i, gazetteer)
      : longestMatch(words, i, gazetteer, shouted, false);
    if (!match) {
      i += 1;
      continue;
    }
    const { entry, length } = match;
    const first = tokens[i] as Token;
    const last = tokens[i + length - 1] as Token;
    const after = tokens[i + length];
    const start = first.start + elisionLength(first.text);
    const surface = withoutPossessive(zone.text.slice(start, last.end));
    const before = tokens[i - 1];
    const context = {
      zone,
      first,
      length,
      before,
      after,
      tokens,
      index: i,
      surface,
      shouting,
      gazetteer,
    };
    // A ticker or a street is no place in any sense: decided once for the name.
    const misread =
      isTicker(zone.text, before, first) || isStreet(first, length, after, tokens, i + length + 1);
    const senses = misread
      ? []
      : entry.senses.filter(
          (sense) => (!acrossName || sense.office !== undefined) && fitsContext(sense, context),
        );
    if (senses.length > 0) {
      const namesakes = entry.namesakes ?? NO_SENSES;
      found.push({ zone: zone.order, start, end: last.end, surface, entry, senses, namesakes });
    }
    i += length;
  }
  return withStateAbbreviations(zone, found, shouting, gazetteer);
}

/**
 * "Slidell, La.", "MENLO PARK, Calif.", "Austin, TX": a state abbreviation after a town counts
 * for the US and, like a state's name, says which town it is (see qualifierOf). The trie does
 * not hold them: most are words ("Ind.", "Miss.", "OR") anywhere else.
 */
function withStateAbbreviations(
  zone: TextZone,
  found: Candidate[],
  shouting: () => boolean,
  gazetteer: PlaceGazetteer,
): Candidate[] {
  const abbreviations = stateAbbreviations(zone.text, () => zone.headline || shouting());
  if (abbreviations.length === 0) return found;
  const added: Candidate[] = [];
  for (const { state, start, end } of abbreviations) {
    const sense = gazetteer.stateSense(state);
    if (!sense) continue;
    const surface = zone.text.slice(start, end);
    added.push({
      zone: zone.order,
      start,
      end,
      surface,
      entry: { key: surface, senses: [sense] },
      senses: [sense],
      namesakes: NO_SENSES,
    });
  }
  const overlapped = new SpanIndex(added);
  return [...found.filter((c) => !overlapped.overlaps(c.zone, c.start, c.end)), ...added].sort(
    (a, b) => a.start - b.start,
  );
}

function zoneWords(text: string, blocked: readonly NameSpan[]): ZoneWords {
  const tokens = tokenize(text);
  return {
    tokens,
    folded: new Array<string | undefined>(tokens.length),
    blocked: blocked.length > 0 ? blockedTokens(tokens, blocked) : [],
  };
}

/** A token's folded form, worked out once and only for words that are looked up. */
function foldedAt(words: ZoneWords, index: number): string {
  let folded = words.folded[index];
  if (folded === undefined) {
    const text = (words.tokens[index] as Token).text;
    folded = fold(text.slice(elisionLength(text)));
    words.folded[index] = folded;
  }
  return folded;
}

/** All in capitals; most words fail on their first or second letter. */
function isCapsWord(word: string): boolean {
  const code = word.charCodeAt(0);
  const second = word.charCodeAt(1);
  return !(code >= 97 && code <= 122) && !(second >= 97 && second <= 122) && isAllCaps(word);
}

function blockedTokens(
  tokens: readonly Token[],
  spans: readonly NameSpan[],
): (NameSpan | undefined)[] {
  const blocked: (NameSpan | undefined)[] = tokens.map(() => undefined);
  for (const span of spans) {
    // Tokens are in text order: find the first one ending after the span starts.
    let low = 0;
    let high = tokens.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((tokens[middle] as Token).end <= span.start) low = middle + 1;
      else high = middle;
    }
    for (let i = low; i < tokens.length && (tokens[i] as Token).start < span.end; i += 1) {
      blocked[i] = span;
    }
  }
  return blocked;
}

interface Match {
  entry: GazetteerEntry;
  length: number;
}

/**
 * A leader's name read across a person's: compromise may cut a name short ("Kim Jong" of "Kim
 * Jong Un"), so a leader's name that starts with the person's and runs on past it counts. One
 * that ends with the person's is left to the person (the later "Albanese" of "Francesca
 * Albanese" is not Australia's prime minister), unless the span only says that the words look
 * like a name ("Vladimir Putin"); there a ruling house may also end it ("Abdulrahman Al Thani").
 */
function leaderAcross(
  words: ZoneWords,
  from: number,
  gazetteer: PlaceGazetteer,
): Match | undefined {
  const span = words.blocked[from];
  if (!span) return undefined;
  const inside = words.blocked[from - 1] !== undefined;
  if (inside && span.person !== undefined) return undefined;
  const match = longestMatch(words, from, gazetteer, false, true);
  const offices = match?.entry.senses.filter((sense) => sense.office !== undefined) ?? [];
  if (!match || offices.length === 0) return undefined;
  if (inside && !offices.every((sense) => sense.office === RULING_FAMILY)) return undefined;
  let runEnd = from;
  while (words.blocked[runEnd]) runEnd += 1;
  const end = from + match.length;
  return end > runEnd || (end === runEnd && span.person === undefined) ? match : undefined;
}

/**
 * The longest name starting at a token: the trie is followed word by word, across spaces and
 * hyphens only, until no name goes on. A name may end on a possessive ("Qatar's"). In capitals,
 * when allowed, the capitals trie is followed alongside.
 */
function longestMatch(
  words: ZoneWords,
  from: number,
  gazetteer: PlaceGazetteer,
  shoutedAllowed: boolean,
  acrossNames: boolean,
): Match | undefined {
  const { tokens } = words;
  const blocked = acrossNames ? [] : words.blocked;
  let node: NameNode | undefined = gazetteer.names;
  let loud: NameNode | undefined = shoutedAllowed ? gazetteer.shoutedNames : undefined;
  let best: Match | undefined;
  for (let k = from; k < tokens.length && (node || loud); k += 1) {
    if (blocked[k]) break;
    const join = tokens[k - 1]?.next;
    if (k > from && join !== 'space' && join !== 'hyphen') break;
    const word = foldedAt(words, k);
    // Folding straightened the apostrophe of a possessive.
    const ending = word.endsWith("'s") ? word.slice(0, -2) : word;
    // Most words start no name: the filter says so faster than the trie's first map.
    if (k === from && !gazetteer.mayBeFirstWord(word) && !gazetteer.mayBeFirstWord(ending)) break;
    if (loud && !isCapsWord((tokens[k] as Token).text)) loud = undefined;
    const child: NameNode | undefined = node?.next?.get(word);
    const loudChild: NameNode | undefined = loud?.next?.get(word);
    const entry =
      ending === word
        ? (child?.entry ?? loudChild?.entry)
        : (node?.next?.get(ending)?.entry ?? loud?.next?.get(ending)?.entry);
    if (entry) best = { entry, length: k - from + 1 };
    node = child;
    loud = loudChild;
  }
  return best;
}

interface Context {
  zone: TextZone;
  first: Token;
  length: number;
  before: Token | undefined;
  after: Token | undefined;
  /** The zone's tokens and the name's first index, for the rare look further on ("said he"). */
  tokens: readonly Token[];
  index: number;
  surface: string;
  shouting: () => boolean;
  gazetteer: PlaceGazetteer;
}

/** "in Spanish", "Spanish-speaking", "the French language": a language, not a country. */
const LANGUAGE_BEFORE = wordSet(
  'in into speak speaks spoke speaking learn learning fluent translated',
);
const PHRASE_AFTER = wordSet(
  'with and or but by for to from on at as after before while when about',
);
const LANGUAGE_AFTER = wordSet(
  'language languages speaking speaker speakers subtitles dubbed translation version',
);

function fitsContext(sense: PlaceSense, context: Context): boolean {
  const { zone, first, length, before, after, surface, shouting } = context;
  if (sense.kind === 'demonym' && isLanguageUse(before, first, length, after)) return false;
  if (sense.kind === 'demonym' && isCompound(first, length, after)) return false;
  if (isInitialled(zone.text, sense, length, context)) return false;
  if (sense.caution === 'person' && isPersonContext(zone.text, context)) return false;
  // "more Catholic than the Pope": an office named alone is a figure of speech as often as not.
  if (sense.office !== undefined && NAMED_ONLY_OFFICES.has(surface)) {
    if (first.next !== 'space' || !after || !isCapitalised(after.text)) return false;
  }
  // "TRUMP TELLS US ...": in a shouted line a two- or three-letter code is just a word.
  if (/^[A-Z.]{2,4}$/.test(surface) && shouting()) return false;
  if (sense.caution === 'word' && (first.sentenceStart || zone.headline || isAllCaps(surface))) {
    return false;
  }
  // "Chad Smith", "Jordan Henderson": a first name followed by a surname.
  if (sense.caution === 'person' && first.next === 'space' && after && isCapitalised(after.text)) {
    // A country or region needs a likelier surname: "Jordan Valley", "Georgia State", "Chad
    // President Deby" and "Jordan Israel talks" are the place.
    const local = sense.kind === 'city' || sense.kind === 'capital';
    if (local || looksLikeName(after.text, context.gazetteer)) return false;
  }
  // "Boyd Carney", "Melania Trump", "Petro Poroshenko": a leader's name inside someone else's.
  // A ruling house's name comes after a first name by nature ("Khalid Al Thani"), a title
  // before one ("Pope Francis"); two leaders may stand side by side in a headline ("Putin
  // Zelensky Talks").
  if (sense.office !== undefined && sense.office !== RULING_FAMILY && !isTitleWord(surface)) {
    const { gazetteer } = context;
    const nameWord = (word: Token | undefined): boolean =>
      !!word &&
      isCapitalised(word.text) &&
      looksLikeName(word.text, gazetteer) &&
      !gazetteer.officeSense(withoutPossessive(word.text));
    if (before?.next === 'space' && nameWord(before)) return false;
    if (length === 1 && first.next === 'space' && nameWord(after)) return false;
  }
  // "Kent County Council", "Clare County Council": a British or Irish council, not a US county.
  if (sense.kind === 'region' && COUNTY.test(surface) && after && COUNCIL.test(after.text)) {
    return false;
  }
  if (
    zone.headline &&
    length === 1 &&
    sense.kind === 'city' &&
    sense.population < HEADLINE_CITY_MIN_POPULATION
  ) {
    return false;
  }
  return true;
}

/**
 * What a demonym names when the next word is one of these: a breed, a dish, a thing ("French
 * bulldog", "German shepherd", "Swiss cheese", "French fries", "French horn"), not the country.
 */
const COMPOUND_HEADS = wordSet(`
  bulldog bulldogs poodle poodles shepherd shepherds mastiff mastiffs setter setters terrier
  terriers spaniel spaniels pointer pointers wolfhound wolfhounds sheepdog sheepdogs hound hounds
  husky huskies pinscher pinschers angora
  fries fry toast cheese dressing pastry pastries muffin muffins stew omelette omelet salad yogurt
  yoghurt delight roulette doll dolls whispers checkers braid braids horn horns press manicure
  twist kiss measles flu doors windows
`);

/** Stock exchanges before a ticker: "(NYSE: IT)", "NASDAQ: CA", "TSX: USA" name no country. */
const EXCHANGES = wordSet(`
  nyse nasdaq amex tsx tsxv asx lse otc otcqb otcqx euronext xetra hkex sgx nse bse jse six
  arca nysearca nysemkt
`);

/** Offices that stand for their country only with the holder's name: "Pope Leo". */
const NAMED_ONLY_OFFICES = wordSet('Pope pope POPE');

/** Words before a first name that say it is a person's: "coach Jordan", "guard Jordan". */
const PERSON_ROLES = wordSet(`
  guard forward center centre striker quarterback pitcher midfielder defender winger goalkeeper
  teammate teammates rookie singer actor actress rapper son daughter wife husband brother sister
  mother father
`);
/** Verbs of speech: "Jordan said he", "Georgia told her" are people. */
const SPEECH_VERBS = wordSet('said says told added explained recalled admitted');
const PERSONAL_PRONOUNS = wordSet('he she his her him i');

function isCompound(first: Token, length: number, after: Token | undefined): boolean {
  if (length !== 1 || !after) return false;
  if (first.next !== 'space' && first.next !== 'hyphen') return false;
  return COMPOUND_HEADS.has(after.text.toLowerCase());
}

/**
 * Streets named after places say nothing of where the story is: "Northumberland Avenue" in
 * Saskatoon, "Bedford Drive" in Beverly Hills, "Jerusalem Road". Capitalised only: "a Paris
 * street" is in Paris.
 */
const STREET_WORDS = wordSet(`
  Street St Avenue Ave Road Rd Drive Dr Boulevard Blvd Lane Ln Highway Hwy Parkway Pkwy Terrace
  Crescent Pike Turnpike Expressway Freeway
`);

function isStreet(
  first: Token,
  length: number,
  after: Token | undefined,
  tokens: readonly Token[],
  afterIndex: number,
): boolean {
  if (!after || !STREET_WORDS.has(after.text)) return false;
  const afterNext = afterIndex < tokens.length ? tokens[afterIndex] : undefined;
  // "Paris, Street" is no street name.
  if (length === 1 && first.next !== 'space') return false;
  // "Paris St Germain", "Georgia Dr. Smith": "St" and "Dr" before a name are Saint and Doctor.
  if (after.text === 'St' || after.text === 'Dr') {
    return !afterNext || after.next !== 'space' || !isCapitalised(afterNext.text);
  }
  return true;
}

/** "Jos. A. Bank": a city named like an abbreviated first name, before an initial. */
function isInitialled(text: string, sense: PlaceSense, length: number, context: Context): boolean {
  if (length !== 1 || (sense.kind !== 'city' && sense.kind !== 'capital')) return false;
  const end = context.first.end;
  if (text.charCodeAt(end) !== FULL_STOP) return false;
  return /^\.\s\p{Lu}\.\s/u.test(text.slice(end, end + 5));
}

const FULL_STOP = 46;
const COLON = 58;

function isTicker(text: string, before: Token | undefined, first: Token): boolean {
  if (!before || text.charCodeAt(before.end) !== COLON) return false;
  if (!EXCHANGES.has(before.text.toLowerCase())) return false;
  return /^\s*:\s*$/.test(text.slice(before.end, first.start));
}

/**
 * A place named like a first name, in a person's context: a role or title before it ("coach
 * Jordan", "Mr Jordan"), an age after it ("Jordan, 24,"), or speech about him or her ("Jordan
 * said he"). "Jordan said it would reopen the crossing" stays the country.
 */
function isPersonContext(text: string, context: Context): boolean {
  const { first, length, before, after, tokens, index } = context;
  const afterIndex = index + length + 1;
  const afterNext = afterIndex < tokens.length ? tokens[afterIndex] : undefined;
  if (before && before.next === 'space') {
    const word = before.text.toLowerCase();
    if (isTitleWord(word) || PERSON_ROLES.has(word)) return true;
  }
  const last = length === 1 ? first : undefined;
  if (last && /^,\s*\d{1,3}\s*,/.test(text.slice(last.end, last.end + 8))) return true;
  return (
    !!after &&
    !!afterNext &&
    (length > 1 || first.next === 'space') &&
    after.next === 'space' &&
    SPEECH_VERBS.has(after.text.toLowerCase()) &&
    PERSONAL_PRONOUNS.has(afterNext.text.toLowerCase())
  );
}

const COUNTY = /\sCounty$/;
const COUNCIL = /^Council/;

function isLanguageUse(
  before: Token | undefined,
  first: Token,
  length: number,
  after: Token | undefined,
): boolean {
  const lastJoin = length === 1 ? first.next : undefined;
  if (after && (lastJoin ?? 'space') !== 'break' && LANGUAGE_AFTER.has(after.text.toLowerCase())) {
    return true;
  }
  const endsPhrase =
    !after ||
    lastJoin === 'break' ||
    lastJoin === 'end' ||
    PHRASE_AFTER.has(after.text.toLowerCase());
  return (
    !!before &&
    before.next !== 'break' &&
    endsPhrase &&
    LANGUAGE_BEFORE.has(before.text.toLowerCase())
  );
}

/**
 * A capitalised word that is no ordinary word, title, acronym, place, or anything else
 * compromise's lexicon knows ("Tuesday", "March"), unless it knows it as a name: part of a name.
 */
function looksLikeName(word: string, gazetteer: PlaceGazetteer): boolean {
  const bare = withoutPossessive(word);
  if (isAllCaps(bare) || isCommonWord(bare) || isTitleWord(bare)) return false;
  const tags = lexiconTags(bare);
  if (tags.length > 0 && !tags.some((tag) => PERSON_NAME_TAGS.includes(tag))) return false;
  return !gazetteer.isPlaceName(bare);
}

/** Mostly capital letters: a dateline or a shouted headline. */
function isShouting(text: string): boolean {
  let letters = 0;
  let upper = 0;
  for (let i = 0; i < text.length; i += 1) {
    // Shouting needs upper > 4 * lower at the end: once even all the characters left could not
    // get there, the answer is no (prose is known about a fifth of the way in).
    if (upper + (text.length - i) <= 4 * (letters - upper)) return false;
    const code = text.charCodeAt(i);
    if (code >= 97 && code <= 122) letters += 1;
    else if (code >= 65 && code <= 90) {
      letters += 1;
      upper += 1;
    } else if (code >= 128) {
      // Outside ASCII, a letter is what has two cases (scripts without case never shout).
      const char = text.charAt(i);
      const lower = char.toLowerCase();
      if (lower === char.toUpperCase()) continue;
      letters += 1;
      if (char !== lower) upper += 1;
    }
  }
  return letters >= 12 && upper / letters > 0.8;
}

/**
 * Chooses a sense for each name. A city followed by its region or country ("Paris, Texas",
 * "Slidell, La.", "Edmonton, Australia") takes the sense there; one followed by a region of a
 * country it has no sense in is dropped as a namesake too small to be known. Otherwise a name
 * with one sense keeps it; for the others, a country the text already names through its own
 * cities or regions while the default's country goes unmentioned ("Georgia" among Atlanta and
 * Savannah is the US state; "San Marcos" in a Californian story); else the default (a country
 * over a state, the largest city). A small town's sense (PlaceSense.minor) is taken only on
 * such evidence, never by default.
 */
function resolve(
  candidates: readonly Candidate[],
  zones: readonly TextZone[],
  surnames: ReadonlyMap<string, readonly string[]>,
): PlaceMention[] {
  const texts = new Map(zones.map((zone) => [zone.order, zone.text]));
  const support = new Map<string, number>();
  const localSupport = new Map<string, number>();
  const namedAs = new Map<string, Set<string>>();
  const supportedBy = new Map<string, string | true>();
  // How often each spelling supported its code: a name does not vouch for itself.
  const ownSupport = new Map<string, number>();
  for (const candidate of candidates) {
    const { senses } = candidate;
    for (const { code } of senses) {
      if (code) namedAs.set(code, (namedAs.get(code) ?? new Set()).add(spelling(candidate)));
    }
    const [only] = senses;
    if (senses.length !== 1 || !only?.code) continue;
    support.set(only.code, (support.get(only.code) ?? 0) + 1);
    // One spelling per code, or true once a second one supports it too.
    const written = spelling(candidate);
    ownSupport.set(written, (ownSupport.get(written) ?? 0) + 1);
    const seen = supportedBy.get(only.code);
    if (seen === undefined) supportedBy.set(only.code, written);
    else if (seen !== written) supportedBy.set(only.code, true);
    if (only.kind === 'city' || only.kind === 'region' || only.kind === 'capital') {
      localSupport.set(only.code, (localSupport.get(only.code) ?? 0) + 1);
    }
  }
  const evidence = { support, localSupport, supportedBy, ownSupport };

  return candidates.flatMap((candidate, index) => {
    if (isSurnameAlone(candidate, candidate.senses, surnames, namedAs)) return [];
    const qualifier = qualifierOf(candidate, candidates.slice(index + 1, index + 3), texts);
    const chosen = chooseSense(candidate, qualifier, evidence);
    if (!chosen) return [];
    return [
      {
        zone: candidate.zone,
        start: candidate.start,
        end: candidate.end,
        surface: candidate.surface,
        sense: chosen,
        ambiguous: candidate.senses.length > 1 || chosen.minor === true,
        qualified: qualifier !== undefined,
      },
    ];
  });
}

interface Evidence {
  support: ReadonlyMap<string, number>;
  localSupport: ReadonlyMap<string, number>;
  /** The one spelling that supports a code, or true when several do. */
  supportedBy: ReadonlyMap<string, string | true>;
  /** How often each spelling supported its own code (by spelling). */
  ownSupport: ReadonlyMap<string, number>;
}

function chooseSense(
  candidate: Candidate,
  qualifier: Qualifier | undefined,
  evidence: Evidence,
): PlaceSense | undefined {
  // A name's senses are kept in order of preference (PlaceGazetteer.add).
  const { senses, namesakes } = candidate;
  const fallback = defaultSense(senses);
  if (qualifier) {
    const fits = (sense: PlaceSense): boolean => qualifier.codes.has(sense.code);
    const qualified = senses.find(fits) ?? namesakes.find(fits);
    // "Paris, Texas" with no Texan Paris known: a namesake too small to know. A country after
    // a name may be the next item of a list ("Gaza, Egypt"): the default then stands.
    if (qualified || qualifier.kind === 'region') return qualified;
  }
  if (!fallback) return undefined;
  if (senses.length > 1 || namesakes.length > 0) {
    return supportedNamesake(candidate, fallback, evidence) ?? fallback;
  }
  return fallback;
}

/**
 * The sense a name has when the text says nothing: the first by preference, except a parish or
 * small capital of a small island state or territory over a namesake elsewhere ("Portland" and
 * "Hanover" are Jamaican parishes, "Plymouth" Montserrat's abandoned capital, "Hamilton"
 * Bermuda's): the news means the other far more often.
 */
function defaultSense(senses: readonly PlaceSense[]): PlaceSense | undefined {
  const [first] = senses;
  if (!first || !isMinorStatePlace(first)) return first;
  return senses.find((sense) => !isMinorStatePlace(sense)) ?? first;
}

/** Below this area (km²) a state is small: Jamaica, Montserrat, Bermuda, Trinidad, Qatar. */
const SMALL_STATE_AREA = 12_000;
/** A capital this big is a news place in its own right ("Nassau", "Kingston"). */
const SMALL_CAPITAL_MAX_POPULATION = 100_000;

function isMinorStatePlace(sense: PlaceSense): boolean {
  if (sense.countryArea >= SMALL_STATE_AREA) return false;
  if (sense.kind === 'region') return true;
  return sense.kind === 'capital' && sense.population < SMALL_CAPITAL_MAX_POPULATION;
}

/**
 * Whether a code leads the text's unambiguous names, every other code by at least one, once
 * the name being decided is left out of its own default's count ("Suffolk" thrice does not
 * outweigh "Suffolk County" thrice).
 */
function leads(
  code: string,
  support: ReadonlyMap<string, number>,
  own: { code: string | null; count: number },
): boolean {
  const count = (support.get(code) ?? 0) - (own.code === code ? own.count : 0);
  if (count <= 0) return false;
  for (const [other, otherCount] of support) {
    if (other === code) continue;
    if (otherCount - (own.code === other ? own.count : 0) >= count) return false;
  }
  return true;
}

const COMMA = 44;
/** ", " or ",  " between a town and its region. */
const MAX_COMMA_GAP = 3;

interface Qualifier {
  kind: 'region' | 'country';
  codes: ReadonlySet<string | null>;
}

/**
 * "Paris, Texas", "Moscow, Idaho", "Dublin, Ohio", "Hanover, Germany": for a city, the region
 * or country written right after it, a comma between, says which country it is in; unless that
 * is the next item of a list ("Saipan, Guam, Alaska"). Returns the qualifier's country codes,
 * or nothing when there is no such qualifier.
 */
function qualifierOf(
  candidate: Candidate,
  following: readonly Candidate[],
  texts: ReadonlyMap<number, string>,
): Qualifier | undefined {
  const [next, afterNext] = following;
  if (!next || next.zone !== candidate.zone) return undefined;
  const text = texts.get(candidate.zone) ?? '';
  // Most names are not followed by a comma and another name: the cheap test first.
  if (text.charCodeAt(candidate.end) !== COMMA || next.start - candidate.end > MAX_COMMA_GAP) {
    return undefined;
  }
  const { senses, namesakes } = candidate;
  if (
    namesakes.length === 0 &&
    !senses.some((sense) => sense.kind === 'city' || sense.kind === 'capital')
  ) {
    return undefined;
  }
  const regions = next.senses.filter((sense) => sense.kind === 'region');
  const countries = next.senses.filter((sense) => sense.kind === 'country');
  if (regions.length === 0 && countries.length === 0) return undefined;
  const comma = /^,\s*$/;
  if (!comma.test(text.slice(candidate.end, next.start))) return undefined;
  if (afterNext?.zone === next.zone && comma.test(text.slice(next.end, afterNext.start))) {
    return undefined;
  }
  // A place's own senses are all cities (a capital, a country) when it heads a list; a name
  // with a country sense is qualified only towards its other senses ("Palestine, Texas").
  const kind = regions.length > 0 ? 'region' : 'country';
  const codes = new Set((kind === 'region' ? regions : countries).map((sense) => sense.code));
  const local = senses.every((sense) => sense.kind === 'city' || sense.kind === 'capital');
  const named = (sense: PlaceSense): boolean => codes.has(sense.code);
  if (!local && !senses.some(named) && !namesakes.some(named)) return undefined;
  return { kind, codes };
}

/**
 * A namesake the text supports while the default's country goes unmentioned. A known city
 * needs a place of its country in the text and a twentieth of the default's size; a small town
 * (PlaceSense.minor) needs its country to lead the text, and never displaces a country, a
 * territory, a capital or a city of millions: "Lebanon" in a Tennessee story is still the
 * country, "London" in an Ohio one still England's, unless written "Lebanon, Tenn.".
 */
function supportedNamesake(
  candidate: Candidate,
  fallback: PlaceSense,
  { support, localSupport, supportedBy, ownSupport }: Evidence,
): PlaceSense | undefined {
  const { senses, namesakes } = candidate;
  const written = spelling(candidate);
  if (!fallback.code || (support.get(fallback.code) ?? 0) > 0) {
    // A name whose only known sense is the default, besides small towns ("San Marcos" the
    // Guatemalan department), supports that default itself: other names must too.
    const supporters = supportedBy.get(fallback.code ?? '');
    if (namesakes.length === 0 || (supporters !== undefined && supporters !== written)) {
      return undefined;
    }
  }
  // "Guam" the territory and "Guam" the US listing are one place: keep the territory's code.
  if (fallback.kind === 'country' && !fallback.sovereign) return undefined;
  const known = senses.find(
    (sense) =>
      sense !== fallback &&
      sense.code !== null &&
      (localSupport.get(sense.code) ?? 0) > 0 &&
      (fallback.population === 0 || sense.population >= NAMESAKE_MIN_SHARE * fallback.population),
  );
  if (known || namesakes.length === 0) return known;
  if (fallback.kind !== 'city' && fallback.kind !== 'region') return undefined;
  if (fallback.population >= FAMOUS_CITY_MIN_POPULATION) return undefined;
  const own = {
    code: senses.length === 1 ? fallback.code : null,
    count: ownSupport.get(written) ?? 0,
  };
  return namesakes.find(
    (sense) =>
      sense.code !== null &&
      (localSupport.get(sense.code) ?? 0) > 0 &&
      leads(sense.code, support, own),
  );
}

function spelling(candidate: Candidate): string {
  return fold(candidate.surface).toLowerCase();
}

/**
 * "Michael Jordan scored 40. Jordan later said...": a place named like the surname of a person
 * in the text is that person, unless the text names the place some other way too ("Amman",
 * "Jordanian"). Likewise a leader's surname that is some other person's ("Boyd Carney ...
 * Carney said").
 */
function isSurnameAlone(
  candidate: Candidate,
  senses: readonly PlaceSense[],
  surnames: ReadonlyMap<string, readonly string[]>,
  namedAs: ReadonlyMap<string, ReadonlySet<string>>,
): boolean {
  const written = spelling(candidate);
  const people = surnames.get(written);
  if (!people) return false;
  return senses.every((sense) => {
    if (sense.office === RULING_FAMILY) return false;
    if (sense.office !== undefined) {
      return people.every((person) => leaderNamed(person)?.names[0] !== sense.name);
    }
    return (
      sense.code !== null &&
      [...(namedAs.get(sense.code) ?? [])].every((other) => other === written)
    );
  });
}

/** The full names of the people named, by surname (folded, lower case). */
function surnamesOf(spans: readonly NameSpan[], zones: readonly TextZone[]): Map<string, string[]> {
  const texts = new Map(zones.map((zone) => [zone.order, zone.text]));
  const surnames = new Map<string, string[]>();
  const headlines = new Set(zones.filter((zone) => zone.headline).map((zone) => zone.order));
  for (const { zone, start, end, person } of spans) {
    // In headline case any two capitalised words look like a name ("Jordan Israel Talks").
    if (person === undefined && headlines.has(zone)) continue;
    const name = person ?? withoutPossessive(texts.get(zone)?.slice(start, end) ?? '');
    const { tokens, last } = nameParts(name);
    if (tokens.length < 2) continue;
    const names = surnames.get(last) ?? [];
    if (!names.includes(name)) names.push(name);
    surnames.set(last, names);
  }
  return surnames;
}

/**
 * People named in the text who are sitting leaders ("Vladimir Putin", then "Putin" for him) or
 * of a ruling house ("Khalid bin Mohammed Al Thani"): each mention counts for their country.
 */
function leaderMentions(
  zones: readonly TextZone[],
  spans: readonly NameSpan[],
  gazetteer: PlaceGazetteer,
): PlaceMention[] {
  const texts = new Map(zones.map((zone) => [zone.order, zone.text]));
  const senses = new Map<string, PlaceSense | undefined>();
  const mentions: PlaceMention[] = [];
  for (const span of spans) {
    const text = texts.get(span.zone);
    if (!span.person || text === undefined) continue;
    if (!senses.has(span.person)) senses.set(span.person, officeOf(span.person, gazetteer));
    const sense = senses.get(span.person);
    if (!sense) continue;
    const surface = withoutPossessive(text.slice(span.start, span.end));
    // Every mention has the same fields, in the same order: the tagger reads them all alike.
    mentions.push({
      zone: span.zone,
      start: span.start,
      end: span.end,
      surface,
      sense,
      ambiguous: false,
      qualified: false,
    });
  }
  return mentions;
}

function officeOf(person: string, gazetteer: PlaceGazetteer): PlaceSense | undefined {
  const leader = leaderNamed(person);
  const name = leader?.names[0] ?? rulingFamilyOf(person);
  return name === undefined ? undefined : gazetteer.officeSense(name);
}
