import type { CountryTagV1, EntityV1, TopicTagV1 } from '@newsflow/contracts';
import { tagCountries } from './places/country-tagger';
import { findNames } from './names/name-finder';
import type { FoundNames } from './names/name-finder';
import { findOrganisations } from './organisations/organisation-finder';
import type { OrganisationFound } from './organisations/organisation-finder';
import { findPeople } from './people/people-finder';
import type { PersonFound } from './people/people-finder';
import { placeGazetteer } from './places/gazetteer/build-gazetteer';
import type { PlaceGazetteer } from './places/gazetteer/place-gazetteer';
import { detectTextLanguage } from './text/language';
import { likelyNameSpans } from './names/name-spans';
import { findPlaces } from './places/matcher/place-matcher';
import type { PlaceMention } from './places/matcher/place-mention';
import type { ZoneSpan } from './text/spans';
import { forgetTokens } from './text/text-tokens';
import { tagTopics } from './topics/topic-tagger';
import { toZones } from './text/text-zones';
import type { TextInput, TextZone } from './text/text-zones';

export type { TextInput } from './text/text-zones';

export interface Tags {
  /** The input's language when given, else detected (tinyld); null for too little text. */
  language: string | null;
  countries: CountryTagV1[];
  topics: TopicTagV1[];
  entities: EntityV1[];
}

/**
 * Countries, IPTC topics and named entities of a text. Pure and deterministic: the same input
 * gives the same tags. The first call builds the gazetteer (about a second); later calls reuse it.
 */
export function tagText(input: TextInput): Tags {
  try {
    return tagAll(input);
  } finally {
    forgetTokens();
  }
}

function tagAll(input: TextInput): Tags {
  const gazetteer = builtFirst();
  const zones = toZones(input);
  const isPlaceName = (name: string): boolean => gazetteer.isPlaceName(name);
  const names = new Map<number, FoundNames>();
  for (const zone of zones)
    if (!zone.headline) names.set(zone.order, findNames(zone.text, isPlaceName));

  const people = findPeople(zones, names, isPlaceName);
  const personSpans = people.flatMap((person) => person.spans);
  const places = findPlaces(zones, [...personSpans, ...namedAfterSpans(zones, names)], gazetteer);
  const organisations = findOrganisations(zones, names, personSpans, places, isPlaceName);

  return {
    language:
      input.language === undefined
        ? detectTextLanguage(zones.map((zone) => zone.text).join('\n'))
        : input.language,
    countries: tagCountries(zones, places),
    topics: tagTopics(zones),
    entities: toEntities(people, organisations, places),
  };
}

/** Names of things after people ("Percy French Hotel"): no place is read in the person's name. */
function namedAfterSpans(
  zones: readonly TextZone[],
  names: ReadonlyMap<number, FoundNames>,
): ZoneSpan[] {
  return zones.flatMap((zone) => {
    const found = names.get(zone.order);
    if (!found) return [];
    return found.namedAfter.map(({ first, end }) => ({
      zone: zone.order,
      start: found.tokens[first]?.start ?? 0,
      end: found.tokens[end - 1]?.end ?? 0,
    }));
  });
}

/**
 * The country tagger alone, for when countries are all that is wanted at volume (a backfill, a
 * filter in front of the full tagger). It skips compromise's tagger: the names a place word may
 * hide in ("Michael Jordan", "Morgan Stanley") come from given names in its lexicon instead
 * (see likelyNameSpans), so it can differ from tagText's countries where only the tagger knows a
 * name. The first call builds the gazetteer.
 */
export function tagCountriesOnly(input: TextInput): CountryTagV1[] {
  const gazetteer = builtFirst();
  try {
    const zones = toZones(input);
    const places = findPlaces(zones, likelyNameSpans(zones), gazetteer);
    return tagCountries(zones, places);
  } finally {
    forgetTokens();
  }
}

/**
 * The gazetteer (and compromise's lexicon, which building it reads), built before the first
 * article's zones and tokens exist. Built while they were alive, these would live through the
 * build's many garbage collections, and V8 would learn from that to allocate every later zone
 * and token straight into the old generation (allocation-site pretenuring): each article's
 * tokens would then wait for a full collection instead of dying young, which cost about a third
 * of the throughput.
 */
function builtFirst(): PlaceGazetteer {
  return placeGazetteer();
}

/**
 * The most entities of each kind (people, organisations, places) in the tags, the most mentioned
 * first. The benchmark's articles have at most 64 people, 17 organisations and 40 places; a text
 * with more is a list or junk, and the enriched message must not grow with it.
 */
export const MAX_ENTITIES_PER_KIND = 200;

/** The most surface forms an entity lists, first written first (the benchmark's most: 3). */
export const MAX_SURFACE_FORMS = 20;

function toEntities(
  people: readonly PersonFound[],
  organisations: readonly OrganisationFound[],
  places: readonly PlaceMention[],
): EntityV1[] {
  const placeEntities = new Map<string, EntityV1>();
  for (const { sense, surface } of places) {
    if (sense.kind === 'demonym' || sense.kind === 'landmark') continue;
    const key = `${sense.code ?? ''}:${sense.name}`;
    const entity = placeEntities.get(key) ?? {
      kind: 'place',
      name: sense.name,
      surfaceForms: [],
      mentions: 0,
    };
    if (!entity.surfaceForms.includes(surface)) entity.surfaceForms.push(surface);
    entity.mentions += 1;
    placeEntities.set(key, entity);
  }

  const mostMentioned = (entities: EntityV1[]): EntityV1[] =>
    entities.sort((a, b) => b.mentions - a.mentions).slice(0, MAX_ENTITIES_PER_KIND);
  return [
    ...mostMentioned(
      people
        .filter((person) => person.mentions > 0)
        .map((person): EntityV1 => ({ kind: 'person', ...pick(person) })),
    ),
    ...mostMentioned(
      organisations.map(
        (organisation): EntityV1 => ({ kind: 'organisation', ...pick(organisation) }),
      ),
    ),
    ...mostMentioned(
      [...placeEntities.values()].map((place): EntityV1 => ({ kind: 'place', ...pick(place) })),
    ),
  ];
}

function pick(found: {
  name: string;
  surfaceForms: string[];
  mentions: number;
}): Omit<EntityV1, 'kind'> {
  return {
    name: found.name,
    surfaceForms: found.surfaceForms.slice(0, MAX_SURFACE_FORMS),
    mentions: found.mentions,
  };
}
