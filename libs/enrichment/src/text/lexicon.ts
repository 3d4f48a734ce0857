import nlp from 'compromise';
import { wordSet } from './text-tokens';

// compromise (MIT) is an English NLP library; its tagger costs tens of milliseconds an article,
// so only its data is used here: a lexicon of about 14,000 words and phrases with their tags
// (given names, surnames, honorifics, organisations, sports teams, places, parts of speech) and
// its list of words that end organisation names ("Commission", "Bank"). Its model is typed
// `any`; this file is the one place that reads it, checks its shape and hands the rest of the
// library plain typed values.

/** compromise's tags for a personal name, given or family. */
export const PERSON_NAME_TAGS: readonly string[] = [
  'Person',
  'FirstName',
  'LastName',
  'MaleName',
  'FemaleName',
];

interface Lexicon {
  /** Lower-case word or phrase -> its tags and every tag they descend from. */
  tags: ReadonlyMap<string, ReadonlySet<string>>;
  /** The tags as the lexicon files them, without their parents. */
  ownTags: ReadonlyMap<string, readonly string[]>;
  orgWords: ReadonlySet<string>;
  placeWords: ReadonlySet<string>;
  /** Most words in a phrase of the lexicon ("boston red sox": 3). */
  longestPhrase: number;
}

let lexicon: Lexicon | undefined;
const NO_TAGS: ReadonlySet<string> = new Set();

/** compromise's own lexicon: lower-case word -> tags ("reading" -> Gerund, "paris" -> City). */
export function lexiconTags(word: string): readonly string[] {
  return loaded().ownTags.get(word.toLowerCase()) ?? [];
}

/**
 * A word's or phrase's tags with every tag they descend from ("said": PastTense, Verb; "nasa":
 * Organization, ProperNoun, Noun). Lower-case input.
 */
export function lexiconTagSet(lowerCase: string): ReadonlySet<string> {
  return loaded().tags.get(lowerCase) ?? NO_TAGS;
}

/** Words that end an organisation's name, lower case: compromise's list and a few of ours. */
export function isOrgWord(lowerCase: string): boolean {
  return loaded().orgWords.has(lowerCase);
}

/**
 * Words that end the names of places, areas and buildings ("County", "Street", "Stadium"),
 * lower case: compromise's list, less the ones that are as often surnames ("Hill", "Woods").
 */
export function isPlaceWord(lowerCase: string): boolean {
  return loaded().placeWords.has(lowerCase);
}

const SURNAME_PLACE_WORDS = wordSet(`
  hill hills wood woods lake rivers field fields banks forest grove marsh hall house castle shore
  brook park ford cross burrows
`);

export function longestLexiconPhrase(): number {
  return loaded().longestPhrase;
}

/**
 * Ends of organisation names compromise's list lacks: bodies of state, parties, leagues and
 * the words companies name themselves with.
 */
const MORE_ORG_WORDS = wordSet(`
  party parties court courts parliament congress senate assembly cabinet navy forces force guard
  league exchange forum unit team airline bancorp technologies studios pictures records network
  networks broadcasting channel agency institution alliance initiative council councils trust
  ventures labs laboratories robotics holdings corp. inc. ltd. fc organisation
`);

function loaded(): Lexicon {
  lexicon ??= readLexicon(nlp.model());
  return lexicon;
}

function readLexicon(model: unknown): Lexicon {
  const one = field(model, 'one');
  const parents = readParents(field(one, 'tagSet'));
  const ownTags = new Map<string, readonly string[]>();
  const tags = new Map<string, ReadonlySet<string>>();
  let longestPhrase = 1;
  const raw = field(one, 'lexicon');
  if (isRecord(raw)) {
    for (const [word, value] of Object.entries(raw)) {
      const own =
        typeof value === 'string'
          ? [value]
          : Array.isArray(value)
            ? value.filter((tag): tag is string => typeof tag === 'string')
            : [];
      ownTags.set(word, own);
      const all = new Set<string>();
      for (const tag of own) {
        all.add(tag);
        for (const parent of parents.get(tag) ?? []) all.add(parent);
      }
      tags.set(word, all);
      longestPhrase = Math.max(longestPhrase, word.split(' ').length);
    }
  }
  const orgWords = new Set(MORE_ORG_WORDS);
  const listed = field(field(model, 'two'), 'orgWords');
  if (isRecord(listed)) for (const word of Object.keys(listed)) orgWords.add(word);
  const placeWords = new Set<string>();
  const places = field(field(model, 'two'), 'placeWords');
  if (isRecord(places))
    for (const word of Object.keys(places))
      if (!SURNAME_PLACE_WORDS.has(word)) placeWords.add(word);
  return { tags, ownTags, orgWords, placeWords, longestPhrase };
}

/** Tag -> the tags it descends from ("MaleName" -> FirstName, Person, ProperNoun, Noun...). */
function readParents(tagSet: unknown): Map<string, readonly string[]> {
  const parents = new Map<string, readonly string[]>();
  if (!isRecord(tagSet)) return parents;
  for (const [tag, entry] of Object.entries(tagSet)) {
    const list = field(entry, 'parents');
    parents.set(
      tag,
      Array.isArray(list)
        ? list.filter((parent): parent is string => typeof parent === 'string')
        : [],
    );
  }
  return parents;
}

function field(value: unknown, key: string): unknown {
  return isRecord(value) ? value[key] : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
