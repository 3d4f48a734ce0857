import { leaderNamed, RULING_FAMILY } from '../data/heads-of-government';
import type { PlaceSense } from '../gazetteer/place-sense';
import { nameParts } from '../../people/person-names';
import type { NameSpan } from '../../text/spans';
import type { TextZone } from '../../text/text-zones';
import { fold, withoutPossessive } from '../../text/text-tokens';
import type { Candidate, PlaceMention } from './place-mention';

/** A smaller namesake wins only when it is at least this big next to the default one. */
const NAMESAKE_MIN_SHARE = 0.05;
/** A city this big is the one meant unless the text qualifies it: a small namesake never wins. */
const FAMOUS_CITY_MIN_POPULATION = 1_000_000;

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
export function resolveSenses(
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
export function surnamesOf(
  spans: readonly NameSpan[],
  zones: readonly TextZone[],
): Map<string, string[]> {
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
