import type { CountryTagV1, EvidenceSpanV1, TextZoneV1 } from '@newsflow/contracts';
import type { PlaceKind } from './gazetteer/place-sense';
import type { PlaceMention } from './matcher/place-mention';
import { fold } from '../text/text-tokens';
import type { TextZone } from '../text/text-zones';

/** A mention in the title counts three times one in the body, one in the lead twice. */
const ZONE_WEIGHT = { title: 3, lead: 2, body: 1 } as const;
/** How fast body paragraphs lose weight: the tenth paragraph counts half the first. */
const PARAGRAPH_DECAY = 0.1;
/** Salience mixes weighted mentions (relative to the top country) with spread over zones. */
const MENTION_SHARE = 0.7;
const SPREAD_SHARE = 0.3;
/**
 * At or above this salience the story is about the country. On the seed, Russia (0.96) and
 * Qatar (0.54) are its subject; Syria (0.15) and Gaza (0.07) come up in passing.
 */
const FOCUS_SALIENCE = 0.35;

/**
 * The most spans listed for one country, the first in reading order; `mentions` still counts
 * them all. The benchmark's articles have at most 51 for one country. A page that repeats a
 * place name thousands of times had made its enriched message ten times the size of its text.
 */
export const MAX_SPANS_PER_COUNTRY = 200;

/**
 * How much one mention says that the text names a place in the country, by what the name is:
 * a country's own name says most, a city less (many are shared), a leader's name less again
 * (the GeoWebNews annotations, like many readers, do not count "Macron" as France).
 */
const KIND_STRENGTH: Record<PlaceKind, number> = {
  country: 0.9,
  territory: 0.9,
  capital: 0.85,
  region: 0.8,
  city: 0.75,
  demonym: 0.7,
  landmark: 0.7,
  supranational: 0,
};
const OFFICE_STRENGTH = 0.55;
/** A name with other senses ("Georgia", "Birmingham") or a small namesake chosen by context. */
const AMBIGUOUS_FACTOR = 0.6;
/** A name that is also a word or a first name ("Jordan", "Reading"). */
const HOMONYM_FACTOR = 0.8;
/** "Paris, Texas", "Slidell, La.": the text said which place it meant. */
const QUALIFIED_STRENGTH = 0.9;
/** Each repetition of the same surface form keeps this share of the doubt left: 0.7 -> 0.79. */
const REPEAT_DOUBT = 0.7;
/** Never certain: the enricher reads words, not the world. */
const MAX_CONFIDENCE = 0.99;

interface Tally {
  mentions: number;
  /** Per surface form (folded): the strongest mention's strength and how often it was written. */
  strengths: Map<string, { strength: number; count: number }>;
  weight: number;
  zones: Set<number>;
  evidence: Map<string, number>;
  spans: EvidenceSpanV1[];
}

/**
 * Countries from place mentions: how often each is pointed at, how central it is (salience:
 * mentions weighted by where they stand, and how many paragraphs they spread over), whether the
 * story is about it (focus: salience of at least FOCUS_SALIENCE, or named in the title), and the
 * words that pointed at it with their offsets. Sorted by salience, highest first.
 */
export function tagCountries(
  zones: readonly TextZone[],
  mentions: readonly PlaceMention[],
): CountryTagV1[] {
  const byOrder = new Map(zones.map((zone) => [zone.order, zone]));
  const tallies = new Map<string, Tally>();
  let firstBody = Infinity;
  for (const zone of zones) if (zone.kind === 'body') firstBody = Math.min(firstBody, zone.order);

  for (const mention of mentions) {
    const code = mention.sense.code;
    const zone = byOrder.get(mention.zone);
    if (!code || !zone) continue;
    const tally: Tally = tallies.get(code) ?? {
      mentions: 0,
      strengths: new Map(),
      weight: 0,
      zones: new Set<number>(),
      evidence: new Map<string, number>(),
      spans: [],
    };
    tallies.set(code, tally);
    const paragraph = zone.kind === 'body' ? zone.order - firstBody : 0;
    tally.mentions += 1;
    tally.weight += ZONE_WEIGHT[zone.kind] / (1 + PARAGRAPH_DECAY * paragraph);
    tally.zones.add(zone.order);
    tally.evidence.set(mention.surface, (tally.evidence.get(mention.surface) ?? 0) + 1);
    const form = fold(mention.surface).toLowerCase();
    const known = tally.strengths.get(form);
    const strength = mentionStrength(mention);
    tally.strengths.set(form, {
      strength: Math.max(strength, known?.strength ?? 0),
      count: (known?.count ?? 0) + 1,
    });
    tally.spans.push({
      text: zone.text.slice(mention.start, mention.end),
      zone: zone.kind,
      paragraph: zone.paragraph,
      start: mention.start,
      end: mention.end,
    });
  }

  const heaviest = Math.max(0, ...[...tallies.values()].map((tally) => tally.weight));
  const tags = [...tallies].map(([code, tally]) => {
    const spread = zones.length > 0 ? tally.zones.size / zones.length : 0;
    const salience =
      Math.round(
        Math.min(1, MENTION_SHARE * (tally.weight / heaviest) + SPREAD_SHARE * spread) * 1000,
      ) / 1000;
    const foundIn = zoneKinds(tally, byOrder);
    return {
      tag: {
        code,
        mentions: tally.mentions,
        salience,
        // Most frequent first; ties keep the order of first appearance (Map order).
        evidence: [...tally.evidence].sort((a, b) => b[1] - a[1]).map(([surface]) => surface),
        focus: salience >= FOCUS_SALIENCE || foundIn.includes('title'),
        foundIn,
        spans: tally.spans.sort(inReadingOrder).slice(0, MAX_SPANS_PER_COUNTRY),
        confidence: confidenceOf(tally),
      },
      weight: tally.weight,
    };
  });
  tags.sort(
    (a, b) =>
      b.tag.salience - a.tag.salience ||
      b.weight - a.weight ||
      a.tag.code.localeCompare(b.tag.code),
  );
  return tags.map(({ tag }) => tag);
}

/** What one mention says for its country, 0..1 (see KIND_STRENGTH). */
export function mentionStrength(mention: PlaceMention): number {
  const { sense } = mention;
  if (mention.qualified) return QUALIFIED_STRENGTH;
  let strength = sense.office !== undefined ? OFFICE_STRENGTH : KIND_STRENGTH[sense.kind];
  if (mention.ambiguous) strength *= AMBIGUOUS_FACTOR;
  if (sense.caution !== null) strength *= HOMONYM_FACTOR;
  return strength;
}

/**
 * The chance that the text names a place in the country, if mentions were independent
 * witnesses: one minus the doubt every surface form leaves. A form repeated leaves less doubt,
 * but less than a different form would ("Birmingham" five times is still one guess about one
 * name; "Birmingham" and "Alabama" are two).
 */
function confidenceOf(tally: Tally): number {
  let doubt = 1;
  for (const { strength, count } of tally.strengths.values()) {
    doubt *= (1 - strength) * REPEAT_DOUBT ** Math.min(count - 1, MAX_REPEATS_COUNTED);
  }
  return Math.round(Math.min(MAX_CONFIDENCE, 1 - doubt) * 100) / 100;
}

/** Repetitions past this many add no confidence: a page repeating a name is no more sure. */
const MAX_REPEATS_COUNTED = 5;

const ZONE_ORDER: readonly TextZoneV1[] = ['title', 'lead', 'body'];

function zoneKinds(tally: Tally, byOrder: Map<number, TextZone>): TextZoneV1[] {
  const kinds = new Set([...tally.zones].map((order) => byOrder.get(order)?.kind));
  return ZONE_ORDER.filter((kind) => kinds.has(kind));
}

function inReadingOrder(a: EvidenceSpanV1, b: EvidenceSpanV1): number {
  return (
    ZONE_ORDER.indexOf(a.zone) - ZONE_ORDER.indexOf(b.zone) ||
    a.paragraph - b.paragraph ||
    a.start - b.start
  );
}
