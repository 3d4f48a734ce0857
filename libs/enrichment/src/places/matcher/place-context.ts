import { isCommonWord } from '../../text/common-words';
import { PERSON_NAME_TAGS, lexiconTags } from '../../text/lexicon';
import { isTitleWord } from '../../names/name-words';
import { RULING_FAMILY } from '../data/heads-of-government';
import type { PlaceGazetteer } from '../gazetteer/place-gazetteer';
import type { PlaceSense } from '../gazetteer/place-sense';
import type { TextZone } from '../../text/text-zones';
import { isAllCaps, isCapitalised, withoutPossessive, wordSet } from '../../text/text-tokens';
import type { Token } from '../../text/text-tokens';

// Whether a sense of a matched name fits the words around it: a language ("in French"), a
// compound ("French fries"), a person ("Jordan said he"), a street, a ticker, a council.

/** A headline's one-word city must be a big one: "Aurora Seen Over ..." is not Aurora, Colorado. */
const HEADLINE_CITY_MIN_POPULATION = 1_000_000;

export interface Context {
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

export function fitsContext(sense: PlaceSense, context: Context): boolean {
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

export function isStreet(
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

export function isTicker(text: string, before: Token | undefined, first: Token): boolean {
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
export function isShouting(text: string): boolean {
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
