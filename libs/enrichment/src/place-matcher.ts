import { byPreference, placeGazetteer } from './place-gazetteer';
import type { GazetteerEntry, PlaceGazetteer, PlaceSense } from './place-gazetteer';
import type { TextZone } from './text-zones';
import {
  fold,
  isAllCaps,
  isCapitalised,
  tokenize,
  withoutPossessive,
  wordSet,
} from './text-tokens';
import type { Token } from './text-tokens';

/** A stretch of a zone's text, end exclusive. */
export interface ZoneSpan {
  zone: number;
  start: number;
  end: number;
}

/** A place name found in the text, with the sense chosen for it. */
export interface PlaceMention extends ZoneSpan {
  /** As written, without a possessive: "Qatar" for "Qatar's". */
  surface: string;
  sense: PlaceSense;
}

interface Candidate extends ZoneSpan {
  surface: string;
  entry: GazetteerEntry;
  senses: PlaceSense[];
}

/** A headline's one-word city must be a big one: "Aurora Seen Over ..." is not Aurora, Colorado. */
const HEADLINE_CITY_MIN_POPULATION = 1_000_000;
/** A smaller namesake wins only when it is at least this big next to the default one. */
const NAMESAKE_MIN_SHARE = 0.05;

/**
 * Finds place names in the zones, longest name first and word-aligned, outside the `blocked`
 * spans (people's names: "Jordan" in "Michael Jordan" is not a country), then picks a sense for
 * each ambiguous one. Case matters: "US" is a country, "us" is not.
 */
export function findPlaces(
  zones: readonly TextZone[],
  blocked: readonly ZoneSpan[],
  gazetteer: PlaceGazetteer = placeGazetteer(),
): PlaceMention[] {
  const candidates = zones.flatMap((zone) =>
    findCandidates(
      zone,
      blocked.filter((span) => span.zone === zone.order),
      gazetteer,
    ),
  );
  return resolve(candidates, zones);
}

function findCandidates(
  zone: TextZone,
  blocked: readonly ZoneSpan[],
  gazetteer: PlaceGazetteer,
): Candidate[] {
  const tokens = tokenize(zone.text);
  const isBlocked = (token: Token): boolean =>
    blocked.some((span) => token.start < span.end && span.start < token.end);
  const shouting = isShouting(zone.text);
  const dateline = tokens.findIndex((token) => !isAllCaps(token.text) && !/^\d+$/.test(token.text));
  const found: Candidate[] = [];

  let i = 0;
  while (i < tokens.length) {
    // Capitals-only names ("WASHINGTON") are looked up in a shouted zone or in its opening
    // dateline only ("TIJUANA & SAN DIEGO, MARCH 29 --"): elsewhere a word in capitals is an
    // acronym ("MOCA" is no town).
    const shouted = shouting || dateline < 0 || i < dateline;
    const match = longestMatch(tokens, i, gazetteer, isBlocked, shouted);
    if (!match) {
      i += 1;
      continue;
    }
    const { entry, length } = match;
    const first = tokens[i] as Token;
    const last = tokens[i + length - 1] as Token;
    const after = tokens[i + length];
    const surface = withoutPossessive(zone.text.slice(first.start, last.end));
    const before = tokens[i - 1];
    const senses = entry.senses.filter((sense) =>
      fitsContext(sense, { zone, first, length, before, after, surface, shouting }),
    );
    if (senses.length > 0) {
      found.push({ zone: zone.order, start: first.start, end: last.end, surface, entry, senses });
    }
    i += length;
  }
  return found;
}

function longestMatch(
  tokens: readonly Token[],
  from: number,
  gazetteer: PlaceGazetteer,
  isBlocked: (token: Token) => boolean,
  shoutedAllowed: boolean,
): { entry: GazetteerEntry; length: number } | undefined {
  const words: string[] = [];
  let allCaps = true;
  const keys: { key: string; length: number; allCaps: boolean }[] = [];
  for (let length = 1; length <= gazetteer.maxTokens; length += 1) {
    const token = tokens[from + length - 1];
    if (!token || isBlocked(token)) break;
    const previous = tokens[from + length - 2];
    if (length > 1 && previous?.next !== 'space' && previous?.next !== 'hyphen') break;
    words.push(fold(token.text));
    allCaps &&= isAllCaps(token.text);
    const spoken = [...words.slice(0, -1), withoutPossessive(words[words.length - 1] ?? '')];
    keys.push({ key: spoken.join(' '), length, allCaps });
  }
  for (const { key, length, allCaps: shouted } of keys.reverse()) {
    const entry = gazetteer.lookup(key, shouted && shoutedAllowed);
    if (entry) return { entry, length };
  }
  return undefined;
}

interface Context {
  zone: TextZone;
  first: Token;
  length: number;
  before: Token | undefined;
  after: Token | undefined;
  surface: string;
  shouting: boolean;
}

/** "in Spanish", "Spanish-speaking", "the French language": a language, not a country. */
const LANGUAGE_BEFORE = wordSet(
  'in into speak speaks spoke speaking learn learning fluent translated',
);
const PHRASE_AFTER = wordSet('with and or but by for to from on at as');
const LANGUAGE_AFTER = wordSet(
  'language languages speaking speaker speakers subtitles dubbed translation version',
);

function fitsContext(sense: PlaceSense, context: Context): boolean {
  const { zone, first, length, before, after, surface, shouting } = context;
  if (sense.kind === 'demonym' && isLanguageUse(before, first, length, after)) return false;
  // "TRUMP TELLS US ...": in a shouted line a two- or three-letter code is just a word.
  if (shouting && /^[A-Z.]{2,4}$/.test(surface)) return false;
  if (sense.caution === 'word' && (first.sentenceStart || zone.headline || isAllCaps(surface))) {
    return false;
  }
  // "Chad Smith", "Jordan Henderson": a first name followed by a surname.
  if (sense.caution === 'person' && first.next === 'space' && after && isCapitalised(after.text)) {
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

/** Mostly capital letters: a dateline or a shouted headline. */
function isShouting(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length < 12) return false;
  const upper = letters.replace(/[^\p{Lu}]/gu, '').length;
  return upper / letters.length > 0.8;
}

/**
 * Chooses a sense for each name. A city followed by its region ("Paris, Texas") takes the
 * sense in that region's country, or is dropped as a namesake too small to be known. Otherwise
 * a name with one sense keeps it; for the others, a country the text already names through its
 * own cities or regions while the default's country goes unmentioned ("Georgia" among Atlanta
 * and Savannah is the US state); else the default (a country over a state, the largest city).
 */
function resolve(candidates: readonly Candidate[], zones: readonly TextZone[]): PlaceMention[] {
  const support = new Map<string, number>();
  const localSupport = new Map<string, number>();
  for (const candidate of candidates) {
    const [only] = candidate.senses;
    if (candidate.senses.length !== 1 || !only?.code) continue;
    support.set(only.code, (support.get(only.code) ?? 0) + 1);
    if (only.kind === 'city' || only.kind === 'region' || only.kind === 'capital') {
      localSupport.set(only.code, (localSupport.get(only.code) ?? 0) + 1);
    }
  }

  return candidates.flatMap((candidate, index) => {
    const senses = [...candidate.senses].sort(byPreference);
    const fallback = senses[0] as PlaceSense;
    const qualifier = qualifierOf(candidate, candidates.slice(index + 1, index + 3), zones);
    let chosen: PlaceSense | undefined = fallback;
    if (qualifier) {
      // "Paris, Texas": a namesake too small for the gazetteer when no sense is in Texas's
      // country. The qualifier itself is counted on its own.
      chosen = senses.find((sense) => qualifier.has(sense.code));
    } else if (senses.length > 1) {
      chosen = supportedNamesake(senses, support, localSupport) ?? fallback;
    }
    if (!chosen) return [];
    return [
      {
        zone: candidate.zone,
        start: candidate.start,
        end: candidate.end,
        surface: candidate.surface,
        sense: chosen,
      },
    ];
  });
}

/**
 * "Paris, Texas", "Moscow, Idaho": for a city, the region written right after it, a comma
 * between, says which country it is in; unless that is the next item of a list ("Saipan, Guam,
 * Alaska"). Returns the region's country codes, or nothing when there is no such qualifier.
 */
function qualifierOf(
  candidate: Candidate,
  following: readonly Candidate[],
  zones: readonly TextZone[],
): ReadonlySet<string | null> | undefined {
  const [next, afterNext] = following;
  if (!next || next.zone !== candidate.zone) return undefined;
  if (!candidate.senses.every((sense) => sense.kind === 'city' || sense.kind === 'capital')) {
    return undefined;
  }
  const regions = next.senses.filter((sense) => sense.kind === 'region');
  if (regions.length === 0) return undefined;
  const text = zones.find((zone) => zone.order === candidate.zone)?.text ?? '';
  const comma = /^,\s*$/;
  if (!comma.test(text.slice(candidate.end, next.start))) return undefined;
  if (afterNext?.zone === next.zone && comma.test(text.slice(next.end, afterNext.start))) {
    return undefined;
  }
  return new Set(regions.map((sense) => sense.code));
}

function supportedNamesake(
  senses: readonly PlaceSense[],
  support: ReadonlyMap<string, number>,
  localSupport: ReadonlyMap<string, number>,
): PlaceSense | undefined {
  const fallback = senses[0];
  if (!fallback?.code || (support.get(fallback.code) ?? 0) > 0) return undefined;
  // "Guam" the territory and "Guam" the US listing are one place: keep the territory's code.
  if (fallback.kind === 'country' && !fallback.sovereign) return undefined;
  return senses.find(
    (sense) =>
      sense !== fallback &&
      sense.code !== null &&
      (localSupport.get(sense.code) ?? 0) > 0 &&
      (fallback.population === 0 || sense.population >= NAMESAKE_MIN_SHARE * fallback.population),
  );
}
