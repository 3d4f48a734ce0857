import type { FoundNames } from '../names/name-finder';
import { isParticle } from '../names/name-words';
import { canonicalName, clusterNames, increment, nameTokens, surnameForms } from './person-names';
import type { PersonCluster } from './person-names';
import type { NameSpan, ZoneSpan } from '../text/spans';
import type { TextZone } from '../text/text-zones';
import { SpanIndex } from '../text/span-index';
import { fold, isCapitalised, tokenize, withoutPossessive } from '../text/text-tokens';
import type { Token } from '../text/text-tokens';

export interface PersonFound {
  name: string;
  surfaceForms: string[];
  mentions: number;
  /**
   * Where the person is named, with the full name: no place is read inside a name, and a
   * sitting leader counts for the country.
   */
  spans: NameSpan[];
}

/**
 * People in the text: name-finder finds the full names, titles left out ("President Vladimir
 * Putin" -> "Vladimir Putin"); this file merges spellings of one person and attaches later
 * surname-only mentions ("Putin") to the full name. Headlines are only searched for names already known from the rest: in
 * headline case every word looks like a name.
 */
export function findPeople(
  zones: readonly TextZone[],
  names: ReadonlyMap<number, FoundNames>,
  isPlaceName: (name: string) => boolean,
): PersonFound[] {
  const fullNames: { name: string; span: ZoneSpan }[] = [];
  for (const zone of zones) {
    const found = names.get(zone.order);
    if (!found || zone.headline) continue;
    for (const { first, end } of found.people) {
      const start = found.tokens[first]?.start ?? 0;
      const stop = found.tokens[end - 1]?.end ?? 0;
      const name = withoutPossessive(zone.text.slice(start, stop)).trim();
      // A run with quotes, slashes or brackets in it is two things run together.
      if (nameTokens(name).length < 2 || !/^[\p{L}\p{M}.'’ -]+$/u.test(name)) continue;
      fullNames.push({ name, span: { zone: zone.order, start, end: stop } });
    }
  }

  const clusters = clusterNames(fullNames.map((found) => found.name));
  const spans = new Map<PersonCluster, ZoneSpan[]>(clusters.map((cluster) => [cluster, []]));
  const ofSpelling = new Map<string, PersonCluster>();
  for (const cluster of clusters) {
    for (const form of cluster.fullForms.keys())
      if (!ofSpelling.has(form)) ofSpelling.set(form, cluster);
  }
  for (const { name, span } of fullNames) {
    const cluster = ofSpelling.get(name);
    if (cluster) spans.get(cluster)?.push(span);
  }

  const byFirstWord = byTheirFirstWord(shortForms(clusters, isPlaceName));
  const taken = new SpanIndex(fullNames.map((found) => found.span));
  for (const zone of zones) {
    for (const { cluster, surface, span } of findForms(zone, byFirstWord, taken)) {
      increment(cluster.surfaceForms, surface);
      spans.get(cluster)?.push(span);
    }
  }

  return clusters.map((cluster) => {
    const found = spans.get(cluster) ?? [];
    const name = canonicalName(cluster);
    return {
      name,
      surfaceForms: [...cluster.surfaceForms.keys()],
      mentions: found.length,
      spans: found.map((span) => ({ ...span, person: name })),
    };
  });
}

interface ShortForm {
  tokens: string[];
  cluster: PersonCluster;
  /** Position in the list of forms, longest first: of two forms that match, the first wins. */
  rank: number;
}

/**
 * What each person may be called later: every full form, and the surname alone when no other
 * person shares it and it is not also a place ("Jordan" stays the country).
 */
function shortForms(
  clusters: readonly PersonCluster[],
  isPlaceName: (name: string) => boolean,
): ShortForm[] {
  const words = (name: string): string[] => nameTokens(fold(name).toLowerCase());
  const owners = new Map<string, { short: string; clusters: Set<PersonCluster> }>();
  for (const cluster of clusters) {
    for (const form of cluster.fullForms.keys()) {
      for (const short of surnameForms(form)) {
        const key = words(short).join(' ');
        const owner = owners.get(key) ?? { short, clusters: new Set<PersonCluster>() };
        owner.clusters.add(cluster);
        owners.set(key, owner);
      }
    }
  }
  const forms: ShortForm[] = [];
  for (const cluster of clusters) {
    for (const form of cluster.fullForms.keys())
      forms.push({ tokens: words(form), cluster, rank: 0 });
  }
  for (const { short, clusters: sharing } of owners.values()) {
    const [cluster] = sharing;
    if (sharing.size === 1 && cluster && !isPlaceName(short)) {
      forms.push({ tokens: words(short), cluster, rank: 0 });
    }
  }
  // Longest first, so that "Al Thani" wins over "Thani".
  forms.sort((a, b) => b.tokens.length - a.tokens.length);
  forms.forEach((form, rank) => (form.rank = rank));
  return forms;
}

/** Forms by their first word, in their order (longest first): most tokens start none. */
function byTheirFirstWord(forms: readonly ShortForm[]): ReadonlyMap<string, ShortForm[]> {
  const byFirstWord = new Map<string, ShortForm[]>();
  for (const form of forms) {
    const key = form.tokens[0] ?? '';
    const list = byFirstWord.get(key);
    if (list) list.push(form);
    else byFirstWord.set(key, [form]);
  }
  return byFirstWord;
}

function findForms(
  zone: TextZone,
  byFirstWord: ReadonlyMap<string, ShortForm[]>,
  taken: SpanIndex,
): { cluster: PersonCluster; surface: string; span: ZoneSpan }[] {
  const tokens = tokenize(zone.text);
  const words = new NameWords(tokens);
  const found: { cluster: PersonCluster; surface: string; span: ZoneSpan }[] = [];
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i] as Token;
    const candidates =
      isCapitalised(token.text) || isParticle(token.text)
        ? formsStartingWith(token, byFirstWord)
        : [];
    const form =
      candidates.length === 0 || taken.overlaps(zone.order, token.start, token.end)
        ? undefined
        : candidates.find((f) => words.matchAt(i, f.tokens));
    if (!form) {
      i += 1;
      continue;
    }
    const first = tokens[i] as Token;
    const last = tokens[i + form.tokens.length - 1] as Token;
    found.push({
      cluster: form.cluster,
      surface: withoutPossessive(zone.text.slice(first.start, last.end)),
      span: { zone: zone.order, start: first.start, end: last.end },
    });
    i += form.tokens.length;
  }
  return found;
}

/** The forms whose first word is the token, with or without its possessive, longest first. */
function formsStartingWith(
  token: Token,
  byFirstWord: ReadonlyMap<string, ShortForm[]>,
): readonly ShortForm[] {
  const asWritten = byFirstWord.get(fold(token.text).toLowerCase()) ?? [];
  const bare = byFirstWord.get(fold(withoutPossessive(token.text)).toLowerCase()) ?? [];
  if (bare === asWritten || bare.length === 0) return asWritten;
  if (asWritten.length === 0) return bare;
  return [...asWritten, ...bare].sort((a, b) => a.rank - b.rank);
}

/**
 * A zone's tokens as forms are matched against them: folded and in lower case, when written as
 * a name (capitalised, or a particle); the last word of a form is read without its possessive.
 * Worked out once per token: a word may be tried against many forms.
 */
class NameWords {
  private readonly written: (string | null | undefined)[] = [];
  private readonly bare: (string | null | undefined)[] = [];

  constructor(private readonly tokens: readonly Token[]) {}

  matchAt(from: number, words: readonly string[]): boolean {
    return words.every((word, k) => {
      if (from + k >= this.tokens.length) return false;
      if (k > 0 && this.tokens[from + k - 1]?.next === 'break') return false;
      return this.key(from + k, k === words.length - 1) === word;
    });
  }

  private key(i: number, last: boolean): string | null {
    const keys = last ? this.bare : this.written;
    let key = keys[i];
    if (key === undefined) {
      const text = this.tokens[i]?.text ?? '';
      const folded = fold(last ? withoutPossessive(text) : text);
      // Names are matched as written, capitalised: "mark" is not Mark.
      key = /^\p{Lu}/u.test(folded) || isParticle(folded) ? folded.toLowerCase() : null;
      keys[i] = key;
    }
    return key;
  }
}
