import type { CountryTagV1, EvidenceSpanV1, TextZoneV1 } from '@newsflow/contracts';
import type { PlaceMention } from './place-matcher';
import type { TextZone } from './text-zones';

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

interface Tally {
  mentions: number;
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
    const tally = tallies.get(code) ?? {
      mentions: 0,
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
