import type { CountryTagV1 } from '@newsflow/contracts';
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
 * Countries from place mentions: how often each is pointed at, how central it is (salience:
 * mentions weighted by where they stand, and how many paragraphs they spread over), and the
 * words that pointed at it. Sorted by salience, highest first.
 */
export function tagCountries(
  zones: readonly TextZone[],
  mentions: readonly PlaceMention[],
): CountryTagV1[] {
  const byOrder = new Map(zones.map((zone) => [zone.order, zone]));
  const tallies = new Map<
    string,
    { mentions: number; weight: number; zones: Set<number>; evidence: Map<string, number> }
  >();
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
    };
    tallies.set(code, tally);
    const paragraph = zone.kind === 'body' ? zone.order - firstBody : 0;
    tally.mentions += 1;
    tally.weight += ZONE_WEIGHT[zone.kind] / (1 + PARAGRAPH_DECAY * paragraph);
    tally.zones.add(zone.order);
    tally.evidence.set(mention.surface, (tally.evidence.get(mention.surface) ?? 0) + 1);
  }

  const heaviest = Math.max(0, ...[...tallies.values()].map((tally) => tally.weight));
  const tags = [...tallies].map(([code, tally]) => {
    const spread = zones.length > 0 ? tally.zones.size / zones.length : 0;
    const salience = MENTION_SHARE * (tally.weight / heaviest) + SPREAD_SHARE * spread;
    return {
      code,
      mentions: tally.mentions,
      salience: Math.round(Math.min(1, salience) * 1000) / 1000,
      // Most frequent first; ties keep the order of first appearance (Map order).
      evidence: [...tally.evidence].sort((a, b) => b[1] - a[1]).map(([surface]) => surface),
      weight: tally.weight,
    };
  });
  tags.sort(
    (a, b) => b.salience - a.salience || b.weight - a.weight || a.code.localeCompare(b.code),
  );
  return tags.map(({ code, mentions, salience, evidence }) => ({
    code,
    mentions,
    salience,
    evidence,
  }));
}
