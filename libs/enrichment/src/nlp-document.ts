import nlp from 'compromise';

// compromise (MIT) tags English text with parts of speech and name classes (Person, FirstName,
// Place, Organization, Honorific, ...) from its lexicon and rules, and groups them into people,
// places and organisations. Its JSON output is typed `any`; this file is the one place that
// reads it, checks its shape and hands the rest of the library plain typed values.

export interface NlpTerm {
  text: string;
  start: number;
  end: number;
  /** What follows the term up to the next one: punctuation and spaces. */
  post: string;
  tags: ReadonlySet<string>;
  sentence: number;
  /** Index of the term within its sentence (0: first word). */
  position: number;
}

/** A span of terms, end exclusive. */
export interface TermSpan {
  first: number;
  end: number;
}

export interface NlpDocument {
  terms: NlpTerm[];
  people: TermSpan[];
  organisations: TermSpan[];
}

export function parseNlp(text: string): NlpDocument {
  const doc = nlp(text);
  const terms = readTerms(doc.json({ offset: true, terms: { offset: true } }));
  const byStart = new Map(terms.map((term, index) => [term.start, index]));
  const spans = (matches: unknown): TermSpan[] =>
    readOffsets(matches).flatMap(({ start, length }) => {
      const first = byStart.get(start);
      if (first === undefined) return [];
      let end = first;
      while (end < terms.length && (terms[end]?.start ?? Infinity) < start + length) end += 1;
      return end > first ? [{ first, end }] : [];
    });
  return {
    terms,
    people: spans(doc.people().json({ offset: true })),
    organisations: spans(doc.organizations().json({ offset: true })),
  };
}

/** compromise's tags for a personal name, given or family. */
export const PERSON_NAME_TAGS: readonly string[] = [
  'Person',
  'FirstName',
  'LastName',
  'MaleName',
  'FemaleName',
];

let lexicon: ReadonlyMap<string, readonly string[]> | undefined;

/** compromise's own lexicon: lower-case word -> tags ("reading" -> Gerund, "paris" -> City). */
export function lexiconTags(word: string): readonly string[] {
  lexicon ??= readLexicon(nlp.model());
  return lexicon.get(word.toLowerCase()) ?? [];
}

function readLexicon(model: unknown): ReadonlyMap<string, readonly string[]> {
  const entries = new Map<string, readonly string[]>();
  const raw = field(field(model, 'one'), 'lexicon');
  if (!isRecord(raw)) return entries;
  for (const [word, tags] of Object.entries(raw)) {
    if (typeof tags === 'string') entries.set(word, [tags]);
    else if (Array.isArray(tags))
      entries.set(
        word,
        tags.filter((tag) => typeof tag === 'string'),
      );
  }
  return entries;
}

function readTerms(json: unknown): NlpTerm[] {
  const terms: NlpTerm[] = [];
  if (!Array.isArray(json)) return terms;
  json.forEach((sentence: unknown, sentenceIndex) => {
    const list = field(sentence, 'terms');
    if (!Array.isArray(list)) return;
    list.forEach((term: unknown, position) => {
      const text = field(term, 'text');
      const offset = readOffset(field(term, 'offset'));
      if (typeof text !== 'string' || !offset) return;
      const tags = field(term, 'tags');
      const post = field(term, 'post');
      terms.push({
        text,
        start: offset.start,
        end: offset.start + offset.length,
        post: typeof post === 'string' ? post : '',
        tags: new Set(Array.isArray(tags) ? tags.filter((tag) => typeof tag === 'string') : []),
        sentence: sentenceIndex,
        position,
      });
    });
  });
  return terms;
}

function readOffsets(json: unknown): { start: number; length: number }[] {
  if (!Array.isArray(json)) return [];
  return json.flatMap((match: unknown) => {
    const offset = readOffset(field(match, 'offset'));
    return offset ? [offset] : [];
  });
}

function readOffset(value: unknown): { start: number; length: number } | undefined {
  const start = field(value, 'start');
  const length = field(value, 'length');
  return typeof start === 'number' && typeof length === 'number' ? { start, length } : undefined;
}

function field(value: unknown, key: string): unknown {
  return isRecord(value) ? value[key] : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
