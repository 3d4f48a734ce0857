import { leaderNamed, RULING_FAMILY, rulingFamilyOf } from '../data/heads-of-government';
import { stateAbbreviations } from '../data/us-states';
import { placeGazetteer } from '../gazetteer/build-gazetteer';
import { elisionLength } from '../gazetteer/name-keys';
import type { NameNode, PlaceGazetteer } from '../gazetteer/place-gazetteer';
import type { GazetteerEntry, PlaceSense } from '../gazetteer/place-sense';
import { SpanIndex } from '../../text/span-index';
import type { NameSpan } from '../../text/spans';
import type { TextZone } from '../../text/text-zones';
import { fold, isAllCaps, tokenize, withoutPossessive } from '../../text/text-tokens';
import type { Token } from '../../text/text-tokens';
import { resolveSenses, surnamesOf } from './choose-sense';
import { fitsContext, isShouting, isStreet, isTicker } from './place-context';
import { NO_SENSES } from './place-mention';
import type { Candidate, PlaceMention } from './place-mention';

/** A zone's tokens, with what the matcher needs of each worked out once. */
interface ZoneWords {
  tokens: readonly Token[];
  /**
   * Folded, elided article off ("l'Allemagne" -> "Allemagne"), worked out on first use (see
   * foldedAt): most words are never looked up.
   */
  folded: (string | undefined)[];
  /** Inside a person's name: the span of that name. Empty when no name was given. */
  blocked: readonly (NameSpan | undefined)[];
}

/**
 * Finds place names in the zones, longest name first and word-aligned, outside the `blocked`
 * spans (people's names: "Jordan" in "Michael Jordan" is not a country), then picks a sense for
 * each ambiguous one. Case matters: "US" is a country, "us" is not. A person who is a sitting
 * leader ("Vladimir Putin", later "Putin") or of a ruling house ("Al Thani") counts for the
 * country, as a landmark with an office. One pass over each zone's words: the gazetteer is a
 * token trie.
 */
export function findPlaces(
  zones: readonly TextZone[],
  blocked: readonly NameSpan[],
  gazetteer: PlaceGazetteer = placeGazetteer(),
): PlaceMention[] {
  const byZone = new Map<number, NameSpan[]>();
  for (const span of blocked) {
    const spans = byZone.get(span.zone);
    if (spans) spans.push(span);
    else byZone.set(span.zone, [span]);
  }
  const candidates = zones.flatMap((zone) =>
    findCandidates(zone, byZone.get(zone.order) ?? [], gazetteer),
  );
  const places = resolveSenses(candidates, zones, surnamesOf(blocked, zones));
  // A leader's name already read whole from the text is not counted again from its person.
  const read = new SpanIndex(places.filter((place) => place.sense.office !== undefined));
  const unread = blocked.filter((span) => !read.overlaps(span.zone, span.start, span.end));
  const leaders = leaderMentions(zones, unread, gazetteer);
  if (leaders.length === 0) return places;
  return [...places, ...leaders].sort((a, b) => a.zone - b.zone || a.start - b.start);
}

function findCandidates(
  zone: TextZone,
  blocked: readonly NameSpan[],
  gazetteer: PlaceGazetteer,
): Candidate[] {
  const words = zoneWords(zone.text, blocked);
  const { tokens } = words;
  // Needed for few zones (those with a word in capitals or a "US"): worked out on first use.
  let shoutingZone: boolean | undefined;
  const shouting = (): boolean => (shoutingZone ??= isShouting(zone.text));
  const dateline = tokens.findIndex(
    (token) => !isCapsWord(token.text) && !/^\d+$/.test(token.text),
  );
  const found: Candidate[] = [];

  let i = 0;
  while (i < tokens.length) {
    // Capitals-only names ("WASHINGTON") are looked up in a shouted zone or in its opening
    // dateline only ("TIJUANA & SAN DIEGO, MARCH 29 --"): elsewhere a word in capitals is an
    // acronym ("MOCA" is no town).
    const acrossName = words.blocked[i] !== undefined;
    const word = (tokens[i] as Token).text;
    if (!acrossName && !gazetteer.mayStartName(word)) {
      i += 1;
      continue;
    }
    // Only a word in capitals is looked up among the names in capitals.
    const shouted = dateline < 0 || i < dateline || (isCapsWord(word) && shouting());
    const match = acrossName
      ? leaderAcross(words, i, gazetteer)
      : longestMatch(words, i, gazetteer, shouted, false);
    if (!match) {
      i += 1;
      continue;
    }
    const { entry, length } = match;
    const first = tokens[i] as Token;
    const last = tokens[i + length - 1] as Token;
    const after = tokens[i + length];
    const start = first.start + elisionLength(first.text);
    const surface = withoutPossessive(zone.text.slice(start, last.end));
    const before = tokens[i - 1];
    const context = {
      zone,
      first,
      length,
      before,
      after,
      tokens,
      index: i,
      surface,
      shouting,
      gazetteer,
    };
    // A ticker or a street is no place in any sense: decided once for the name.
    const misread =
      isTicker(zone.text, before, first) || isStreet(first, length, after, tokens, i + length + 1);
    const senses = misread
      ? []
      : entry.senses.filter(
          (sense) => (!acrossName || sense.office !== undefined) && fitsContext(sense, context),
        );
    if (senses.length > 0) {
      const namesakes = entry.namesakes ?? NO_SENSES;
      found.push({ zone: zone.order, start, end: last.end, surface, entry, senses, namesakes });
    }
    i += length;
  }
  return withStateAbbreviations(zone, found, shouting, gazetteer);
}

/**
 * "Slidell, La.", "MENLO PARK, Calif.", "Austin, TX": a state abbreviation after a town counts
 * for the US and, like a state's name, says which town it is (see qualifierOf). The trie does
 * not hold them: most are words ("Ind.", "Miss.", "OR") anywhere else.
 */
function withStateAbbreviations(
  zone: TextZone,
  found: Candidate[],
  shouting: () => boolean,
  gazetteer: PlaceGazetteer,
): Candidate[] {
  const abbreviations = stateAbbreviations(zone.text, () => zone.headline || shouting());
  if (abbreviations.length === 0) return found;
  const added: Candidate[] = [];
  for (const { state, start, end } of abbreviations) {
    const sense = gazetteer.stateSense(state);
    if (!sense) continue;
    const surface = zone.text.slice(start, end);
    added.push({
      zone: zone.order,
      start,
      end,
      surface,
      entry: { key: surface, senses: [sense] },
      senses: [sense],
      namesakes: NO_SENSES,
    });
  }
  const overlapped = new SpanIndex(added);
  return [...found.filter((c) => !overlapped.overlaps(c.zone, c.start, c.end)), ...added].sort(
    (a, b) => a.start - b.start,
  );
}

function zoneWords(text: string, blocked: readonly NameSpan[]): ZoneWords {
  const tokens = tokenize(text);
  return {
    tokens,
    folded: new Array<string | undefined>(tokens.length),
    blocked: blocked.length > 0 ? blockedTokens(tokens, blocked) : [],
  };
}

/** A token's folded form, worked out once and only for words that are looked up. */
function foldedAt(words: ZoneWords, index: number): string {
  let folded = words.folded[index];
  if (folded === undefined) {
    const text = (words.tokens[index] as Token).text;
    folded = fold(text.slice(elisionLength(text)));
    words.folded[index] = folded;
  }
  return folded;
}

/** All in capitals; most words fail on their first or second letter. */
function isCapsWord(word: string): boolean {
  const code = word.charCodeAt(0);
  const second = word.charCodeAt(1);
  return !(code >= 97 && code <= 122) && !(second >= 97 && second <= 122) && isAllCaps(word);
}

function blockedTokens(
  tokens: readonly Token[],
  spans: readonly NameSpan[],
): (NameSpan | undefined)[] {
  const blocked: (NameSpan | undefined)[] = tokens.map(() => undefined);
  for (const span of spans) {
    // Tokens are in text order: find the first one ending after the span starts.
    let low = 0;
    let high = tokens.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((tokens[middle] as Token).end <= span.start) low = middle + 1;
      else high = middle;
    }
    for (let i = low; i < tokens.length && (tokens[i] as Token).start < span.end; i += 1) {
      blocked[i] = span;
    }
  }
  return blocked;
}

interface Match {
  entry: GazetteerEntry;
  length: number;
}

/**
 * A leader's name read across a person's: compromise may cut a name short ("Kim Jong" of "Kim
 * Jong Un"), so a leader's name that starts with the person's and runs on past it counts. One
 * that ends with the person's is left to the person (the later "Albanese" of "Francesca
 * Albanese" is not Australia's prime minister), unless the span only says that the words look
 * like a name ("Vladimir Putin"); there a ruling house may also end it ("Abdulrahman Al Thani").
 */
function leaderAcross(
  words: ZoneWords,
  from: number,
  gazetteer: PlaceGazetteer,
): Match | undefined {
  const span = words.blocked[from];
  if (!span) return undefined;
  const inside = words.blocked[from - 1] !== undefined;
  if (inside && span.person !== undefined) return undefined;
  const match = longestMatch(words, from, gazetteer, false, true);
  const offices = match?.entry.senses.filter((sense) => sense.office !== undefined) ?? [];
  if (!match || offices.length === 0) return undefined;
  if (inside && !offices.every((sense) => sense.office === RULING_FAMILY)) return undefined;
  let runEnd = from;
  while (words.blocked[runEnd]) runEnd += 1;
  const end = from + match.length;
  return end > runEnd || (end === runEnd && span.person === undefined) ? match : undefined;
}

/**
 * The longest name starting at a token: the trie is followed word by word, across spaces and
 * hyphens only, until no name goes on. A name may end on a possessive ("Qatar's"). In capitals,
 * when allowed, the capitals trie is followed alongside.
 */
function longestMatch(
  words: ZoneWords,
  from: number,
  gazetteer: PlaceGazetteer,
  shoutedAllowed: boolean,
  acrossNames: boolean,
): Match | undefined {
  const { tokens } = words;
  const blocked = acrossNames ? [] : words.blocked;
  let node: NameNode | undefined = gazetteer.names;
  let loud: NameNode | undefined = shoutedAllowed ? gazetteer.shoutedNames : undefined;
  let best: Match | undefined;
  for (let k = from; k < tokens.length && (node || loud); k += 1) {
    if (blocked[k]) break;
    const join = tokens[k - 1]?.next;
    if (k > from && join !== 'space' && join !== 'hyphen') break;
    const word = foldedAt(words, k);
    // Folding straightened the apostrophe of a possessive.
    const ending = word.endsWith("'s") ? word.slice(0, -2) : word;
    // Most words start no name: the filter says so faster than the trie's first map.
    if (k === from && !gazetteer.mayBeFirstWord(word) && !gazetteer.mayBeFirstWord(ending)) break;
    if (loud && !isCapsWord((tokens[k] as Token).text)) loud = undefined;
    const child: NameNode | undefined = node?.next?.get(word);
    const loudChild: NameNode | undefined = loud?.next?.get(word);
    const entry =
      ending === word
        ? (child?.entry ?? loudChild?.entry)
        : (node?.next?.get(ending)?.entry ?? loud?.next?.get(ending)?.entry);
    if (entry) best = { entry, length: k - from + 1 };
    node = child;
    loud = loudChild;
  }
  return best;
}

/**
 * People named in the text who are sitting leaders ("Vladimir Putin", then "Putin" for him) or
 * of a ruling house ("Khalid bin Mohammed Al Thani"): each mention counts for their country.
 */
function leaderMentions(
  zones: readonly TextZone[],
  spans: readonly NameSpan[],
  gazetteer: PlaceGazetteer,
): PlaceMention[] {
  const texts = new Map(zones.map((zone) => [zone.order, zone.text]));
  const senses = new Map<string, PlaceSense | undefined>();
  const mentions: PlaceMention[] = [];
  for (const span of spans) {
    const text = texts.get(span.zone);
    if (!span.person || text === undefined) continue;
    if (!senses.has(span.person)) senses.set(span.person, officeOf(span.person, gazetteer));
    const sense = senses.get(span.person);
    if (!sense) continue;
    const surface = withoutPossessive(text.slice(span.start, span.end));
    // Every mention has the same fields, in the same order: the tagger reads them all alike.
    mentions.push({
      zone: span.zone,
      start: span.start,
      end: span.end,
      surface,
      sense,
      ambiguous: false,
      qualified: false,
    });
  }
  return mentions;
}

function officeOf(person: string, gazetteer: PlaceGazetteer): PlaceSense | undefined {
  const leader = leaderNamed(person);
  const name = leader?.names[0] ?? rulingFamilyOf(person);
  return name === undefined ? undefined : gazetteer.officeSense(name);
}
