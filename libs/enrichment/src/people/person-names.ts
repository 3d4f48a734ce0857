import { distance } from 'fastest-levenshtein';
import { isParticle } from '../names/name-words';
import { fold } from '../text/text-tokens';

/** A full name cut into the parts that decide whether two spellings are one person. */
export interface NameParts {
  /** Folded, lower-case tokens. */
  tokens: string[];
  first: string;
  /** The last token that is not a particle. */
  last: string;
  /** What stands between first and last, particles included, run together: "binhamad". */
  middle: string;
}

export function nameTokens(name: string): string[] {
  return name.split(/[\s\-‐]+/).filter((token) => token.length > 0);
}

export function nameParts(name: string): NameParts {
  const tokens = nameTokens(fold(name).toLowerCase());
  let lastIndex = tokens.length - 1;
  while (lastIndex > 0 && isParticle(tokens[lastIndex] ?? '')) lastIndex -= 1;
  // Particles glued to the surname ("Al Thani", "von der Leyen") are part of the surname, not of
  // the middle: "Bashar al-Assad" and "Bashar Assad" have the same (empty) middle.
  let surnameStart = lastIndex;
  while (surnameStart > 1 && isParticle(tokens[surnameStart - 1] ?? '')) surnameStart -= 1;
  return {
    tokens,
    first: tokens[0] ?? '',
    last: tokens[lastIndex] ?? '',
    middle: tokens.slice(1, surnameStart).join(''),
  };
}

/** How far two middles may differ, as a share of the longer one: "bin Hamad" ~ "Benhamad". */
const MIDDLE_TOLERANCE = 0.25;

/**
 * Whether two full names (two tokens or more) are written for one person: same first name, same
 * surname, and middles that are alike or absent ("Vladimir Putin" ~ "Vladimir Vladimirovich
 * Putin"; "Tamim bin Hamad Al Thani" ~ "Tamim Benhamad Al Thani").
 */
export function samePerson(a: string, b: string): boolean {
  return samePersonParts(nameParts(a), nameParts(b));
}

function samePersonParts(x: NameParts, y: NameParts): boolean {
  if (x.tokens.length < 2 || y.tokens.length < 2) return false;
  if (x.first !== y.first || x.last !== y.last) return false;
  if (x.middle === '' || y.middle === '') return true;
  const longer = Math.max(x.middle.length, y.middle.length);
  return distance(x.middle, y.middle) / longer <= MIDDLE_TOLERANCE;
}

/**
 * The ways a name may be shortened later in a text: its surname with any particles before it
 * ("Al Thani", "Thani"; "Putin"). Longest first.
 */
export function surnameForms(name: string): string[] {
  const tokens = nameTokens(name);
  if (tokens.length < 2) return [];
  let lastIndex = tokens.length - 1;
  while (lastIndex > 0 && isParticle(tokens[lastIndex] ?? '')) lastIndex -= 1;
  const forms: string[] = [];
  let start = lastIndex;
  while (start > 1 && isParticle(tokens[start - 1] ?? '')) start -= 1;
  for (let from = start; from <= lastIndex; from += 1) {
    forms.push(tokens.slice(from, lastIndex + 1).join(' '));
  }
  return forms;
}

/** One person and every way the text wrote them. */
export interface PersonCluster {
  /** Full names (two tokens or more) as written, with how often each occurred. */
  fullForms: Map<string, number>;
  /** Every surface form, full or short, as written, with how often each occurred. */
  surfaceForms: Map<string, number>;
}

/**
 * The most distinct spellings of full names one text is read for. The benchmark's articles name
 * at most 64 people; a text with more spellings than this is a list or junk. A spelling past the
 * limit is no person, while those already seen still count at each mention. Each new spelling is
 * compared with the spellings kept of the same first name and surname, so the limit also bounds
 * that work: 100,000 characters of distinct names had taken 8 to 17 s.
 */
export const MAX_NAME_SPELLINGS = 500;

/**
 * Groups full names (in reading order) into people, in order of first mention: a spelling joins
 * the first person one of whose spellings it matches (samePerson), and goes there each time.
 */
export function clusterNames(names: readonly string[]): PersonCluster[] {
  const clusters: PersonCluster[] = [];
  const ofSpelling = new Map<string, PersonCluster>();
  // samePerson asks for the same first name and surname: only those people are compared.
  const byEnds = new Map<string, { cluster: PersonCluster; spellings: NameParts[] }[]>();
  for (const name of names) {
    let cluster = ofSpelling.get(name);
    if (!cluster) {
      if (ofSpelling.size >= MAX_NAME_SPELLINGS) continue;
      const parts = nameParts(name);
      const ends = `${parts.first} ${parts.last}`;
      const people = byEnds.get(ends) ?? [];
      byEnds.set(ends, people);
      const person = people.find(({ spellings }) =>
        spellings.some((known) => samePersonParts(known, parts)),
      );
      if (person) {
        person.spellings.push(parts);
        cluster = person.cluster;
      } else {
        cluster = { fullForms: new Map(), surfaceForms: new Map() };
        clusters.push(cluster);
        people.push({ cluster, spellings: [parts] });
      }
      ofSpelling.set(name, cluster);
    }
    increment(cluster.fullForms, name);
    increment(cluster.surfaceForms, name);
  }
  return clusters;
}

/** The name to show: the commonest full form, then the longest, then the first written. */
export function canonicalName(cluster: PersonCluster): string {
  let best = '';
  let bestCount = -1;
  for (const [form, count] of cluster.fullForms) {
    const longer = nameTokens(form).length > nameTokens(best).length;
    if (count > bestCount || (count === bestCount && longer)) {
      best = form;
      bestCount = count;
    }
  }
  return best;
}

export function increment<K>(map: Map<K, number>, key: K, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}
