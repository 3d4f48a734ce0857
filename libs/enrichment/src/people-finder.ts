import { isCommonWord } from './common-words';
import { PERSON_NAME_TAGS } from './nlp-document';
import type { NlpDocument, NlpTerm } from './nlp-document';
import {
  canonicalName,
  clusterNames,
  increment,
  isParticle,
  isTitleWord,
  nameTokens,
  surnameForms,
} from './person-names';
import type { PersonCluster } from './person-names';
import type { NameSpan, ZoneSpan } from './place-matcher';
import type { TextZone } from './text-zones';
import { fold, tokenize, withoutPossessive } from './text-tokens';
import type { Token } from './text-tokens';

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

/** Tags that end a name: "Russian President", "Emir of Qatar", "Peskov said on Thursday". */
const NOT_NAME_TAGS = [
  'Place',
  'Country',
  'City',
  'Region',
  'Demonym',
  'Organization',
  'Date',
  'Month',
  'WeekDay',
  'Pronoun',
  'Determiner',
  'Preposition',
  'Conjunction',
  'Verb',
  'Adverb',
  'Value',
  'Honorific',
];

/**
 * People in the text: compromise finds the names, this file trims titles off them ("President
 * Vladimir Putin" -> "Vladimir Putin"), mends the ones it split ("Emir Sheikh" + "Benhamad Al
 * Thani"), merges spellings of one person, and attaches later surname-only mentions ("Putin")
 * to the full name. Headlines are only searched for names already known from the rest: in
 * headline case every word looks like a name.
 */
export function findPeople(
  zones: readonly TextZone[],
  docs: ReadonlyMap<number, NlpDocument>,
  isPlaceName: (name: string) => boolean,
): PersonFound[] {
  const fullNames: { name: string; span: ZoneSpan }[] = [];
  for (const zone of zones) {
    const doc = docs.get(zone.order);
    if (!doc || zone.headline) continue;
    // compromise may split one name in two matches that both mend to the same run.
    const runs = new Map<string, [number, number]>();
    for (const span of doc.people) {
      for (const run of nameRuns(doc.terms, span.first, span.end)) runs.set(run.join(':'), run);
    }
    for (const [first, end] of [...runs.values()].sort((a, b) => a[0] - b[0])) {
      const start = doc.terms[first]?.start ?? 0;
      const stop = doc.terms[end - 1]?.end ?? 0;
      const name = withoutPossessive(zone.text.slice(start, stop)).trim();
      const overlaps = fullNames.some(
        ({ span }) => span.zone === zone.order && start < span.end && span.start < stop,
      );
      // A run with quotes, slashes or brackets in it is two things compromise ran together.
      if (nameTokens(name).length < 2 || overlaps || !/^[\p{L}\p{M}.'’ -]+$/u.test(name)) continue;
      fullNames.push({
        name,
        span: { zone: zone.order, start, end: stop },
      });
    }
  }

  const clusters = clusterNames(fullNames.map((found) => found.name));
  const spans = new Map<PersonCluster, ZoneSpan[]>(clusters.map((cluster) => [cluster, []]));
  for (const { name, span } of fullNames) {
    const cluster = clusters.find((c) => c.fullForms.has(name));
    if (cluster) spans.get(cluster)?.push(span);
  }

  const forms = shortForms(clusters, isPlaceName);
  for (const zone of zones) {
    const taken = fullNames.filter((found) => found.span.zone === zone.order).map((f) => f.span);
    for (const { cluster, surface, span } of findForms(zone, forms, taken)) {
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

/** Maximal runs of name words around a compromise match, titles and trailing particles off. */
function nameRuns(terms: readonly NlpTerm[], first: number, end: number): [number, number][] {
  const joined = (i: number): boolean => {
    const a = terms[i];
    const b = terms[i + 1];
    return !!a && !!b && a.sentence === b.sentence && /^(?:\s+|-)$/.test(a.post);
  };
  const nameAt = (i: number): boolean => {
    const term = terms[i];
    return !!term && isNameWord(term);
  };
  const particleAt = (i: number): boolean => {
    const term = terms[i];
    return !!term && isParticle(term.text);
  };

  // Mend: reach out to neighbouring name words the match left out ("Tamim" in "Emir Sheikh
  // Tamim Benhamad Al Thani"), through particles that sit between name words.
  let from = first;
  while (
    from > 0 &&
    joined(from - 1) &&
    (nameAt(from - 1) ||
      (particleAt(from - 1) && from - 1 > 0 && joined(from - 2) && nameAt(from - 2)))
  ) {
    from -= 1;
  }
  let to = end;
  while (
    to < terms.length &&
    joined(to - 1) &&
    (nameAt(to) || (particleAt(to) && joined(to) && nameAt(to + 1)))
  ) {
    to += 1;
  }

  // Cut into runs of name words (particles allowed inside), dropping titles and the like.
  const runs: [number, number][] = [];
  let i = from;
  while (i < to) {
    if (!nameAt(i)) {
      i += 1;
      continue;
    }
    let last = i;
    let j = i + 1;
    while (j < to && joined(j - 1) && (nameAt(j) || particleAt(j))) {
      if (nameAt(j)) last = j;
      j += 1;
    }
    runs.push([i, last + 1]);
    i = last + 1;
  }
  return runs;
}

function isNameWord(term: NlpTerm): boolean {
  if (!/^\p{Lu}/u.test(term.text) || isTitleWord(term.text)) return false;
  const tags = term.tags;
  const personish = PERSON_NAME_TAGS.some((tag) => tags.has(tag));
  if (personish && !tags.has('Honorific')) return true;
  if (NOT_NAME_TAGS.some((tag) => tags.has(tag))) return false;
  // compromise takes any capitalised word next to a first name for a surname: "Virginia
  // Gateway", "Hurricane Betsy". An ordinary English word it does not know as a name is not one.
  if (isCommonWord(term.text)) return false;
  // A capitalised first word of a sentence is a name only if compromise says so.
  return term.position > 0;
}

interface ShortForm {
  tokens: string[];
  cluster: PersonCluster;
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
    for (const form of cluster.fullForms.keys()) forms.push({ tokens: words(form), cluster });
  }
  for (const { short, clusters: sharing } of owners.values()) {
    const [cluster] = sharing;
    if (sharing.size === 1 && cluster && !isPlaceName(short)) {
      forms.push({ tokens: words(short), cluster });
    }
  }
  // Longest first, so that "Al Thani" wins over "Thani".
  return forms.sort((a, b) => b.tokens.length - a.tokens.length);
}

function findForms(
  zone: TextZone,
  forms: readonly ShortForm[],
  taken: readonly ZoneSpan[],
): { cluster: PersonCluster; surface: string; span: ZoneSpan }[] {
  const tokens = tokenize(zone.text);
  const found: { cluster: PersonCluster; surface: string; span: ZoneSpan }[] = [];
  const isTaken = (token: Token): boolean =>
    taken.some((span) => token.start < span.end && span.start < token.end);
  let i = 0;
  while (i < tokens.length) {
    const form = isTaken(tokens[i] as Token)
      ? undefined
      : forms.find((f) => matchesAt(tokens, i, f.tokens));
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

function matchesAt(tokens: readonly Token[], from: number, words: readonly string[]): boolean {
  return words.every((word, k) => {
    const token = tokens[from + k];
    if (!token) return false;
    if (k > 0 && tokens[from + k - 1]?.next === 'break') return false;
    const text = fold(k === words.length - 1 ? withoutPossessive(token.text) : token.text);
    // Names are matched as written, capitalised: "mark" is not Mark.
    return /^\p{Lu}/u.test(text) || isParticle(text) ? text.toLowerCase() === word : false;
  });
}
