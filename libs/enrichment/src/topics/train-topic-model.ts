/**
 * Trains the top-level topic model (libs/enrichment/src/topics/topic-model.json) from the IPTC Media
 * Topics vocabulary and the curated seeds, deterministically: the same inputs give the same file.
 *
 *   npm run build && node dist/libs/enrichment/src/topics/train-topic-model.js
 *
 * A development tool, not part of the library's API (index.ts does not export it): it lives here
 * because tools/ may import the library only through its index.
 *
 * Inputs: ../shared/datasets/iptc-mediatopics/mediatopics.en.json beside the repository (labels
 * and definitions of ~1,100 topics, each filed under one of 17 top-level topics; (c) IPTC,
 * CC BY 4.0), TOPIC_SEEDS (topic-lexicon.json) and TOPIC_RULES (topic-rules.json). No article of
 * any evaluation set is read.
 *
 * Each top-level topic gets one pseudo-document: every word of the labels and definitions of its
 * narrower topics, plus its seeds counted several times over (a seed is what a journalist would
 * write; a definition's words are looser). Multinomial Naive Bayes with add-one smoothing then
 * gives each term a log-probability per topic, every topic taken as of the same size.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { TOPIC_RULES } from './topic-rules';
import { TOPIC_SEEDS } from './topic-lexicon';
import { MODEL_FEATURES, modelWord, type TopicModelFile } from './topic-model';
import { tokenizeOnce } from '../text/text-tokens';

/** From libs/enrichment/src/topics (sources) or dist/libs/enrichment/src/topics (built). */
const REPO_ROOT = resolve(
  __dirname,
  __dirname.includes('/dist/') ? '../../../../..' : '../../../..',
);
const VOCABULARY_FILE = resolve(
  REPO_ROOT,
  '../shared/datasets/iptc-mediatopics/mediatopics.en.json',
);
const MODEL_FILE = resolve(REPO_ROOT, 'libs/enrichment/src/topics/topic-model.json');
/**
 * The built library's copy: `tsc -b` copies a JSON module only when a TypeScript file changes,
 * so a retrained model would otherwise not reach dist/ until then.
 */
const BUILT_MODEL_FILE = resolve(REPO_ROOT, 'dist/libs/enrichment/src/topics/topic-model.json');

/** How many times a seed counts against one word of a definition. */
const SEED_COUNT = 8;
const STRONG_SEED_COUNT = 16;
/** A label is the topic's name: its words say more than its definition's. */
const LABEL_COUNT = 2;
const DEFINITION_COUNT = 1;
/**
 * What the labels and definitions may add to one term of a topic: sport's hundreds of
 * disciplines would otherwise make "four", "platform" or "wheel" sport words.
 */
const MAX_VOCABULARY_COUNT = 3;
/** A label or definition word used under more top-level topics than this is left out. */
const MAX_CLASSES_OF_VOCABULARY_WORD = 2;
/** Add-alpha smoothing: a term's excess is log((count + alpha) / alpha). */
const ALPHA = 1;
/** Excesses are stored to this many decimals: enough for the scores, small on disk. */
const DECIMALS = 3;

/** Function words: in every definition, they would only add noise. */
const STOPWORDS = new Set(
  `a about above across after again against all also although among an and any are as at be
  because been before being below between both but by can could did do does doing done down
  during each either etc even ever every few for from further had has have having he her here
  hers him his how however i if in including into is it its itself just like made make makes
  many may me might more most much must my no nor not of off often on once one only or other
  others otherwise our out over own per rather same several she should since so some such
  than that the their them themselves then there these they this those through thus to too
  under until up upon us used using very via was way we well were what when where whether
  which while who whom whose why will with within without would yet you your e.g i.e
  related relating concerning regarding issues matters aspects all-encompassing specific
  various different particular certain type types kind kinds form forms activities activity
  including include includes involving involved refers known generally usually two three four
  five six seven eight nine ten first second third last top new old high low big small long
  short hand put take takes taken get gets give given set sets part parts side whole main
  non pre post based such like similar special means mean held hold place`
    .split(/\s+/)
    .filter((word) => word !== ''),
);

interface VocabularyTopic {
  code: string;
  label: string;
  definition?: string;
  parent: string | null;
  level: number;
}

function main(): void {
  if (!existsSync(VOCABULARY_FILE)) {
    console.log(`IPTC vocabulary not found at ${VOCABULARY_FILE}: nothing trained.`);
    return;
  }
  const vocabulary = JSON.parse(readFileSync(VOCABULARY_FILE, 'utf8')) as VocabularyTopic[];
  const model = train(vocabulary);
  const json = formatModel(model);
  writeFileSync(MODEL_FILE, json);
  if (existsSync(BUILT_MODEL_FILE)) writeFileSync(BUILT_MODEL_FILE, json);
  console.log(
    `${MODEL_FILE}: ${model.classes.length} topics, ${Object.keys(model.terms).length} terms`,
  );
}

export function train(vocabulary: readonly VocabularyTopic[]): TopicModelFile {
  const byCode = new Map(vocabulary.map((topic) => [topic.code, topic]));
  const topOf = (topic: VocabularyTopic): string => {
    let current = topic;
    for (let parent = byCode.get(current.parent ?? ''); parent; ) {
      current = parent;
      parent = byCode.get(current.parent ?? '');
    }
    return current.code;
  };
  const classes = vocabulary
    .filter((topic) => topic.level === 1)
    .map((topic) => topic.code)
    .sort();
  const counts = new Map(classes.map((code) => [code, new Map<string, number>()]));
  const add = (code: string, term: string, count: number): void => {
    const table = counts.get(code);
    if (!table || term === '') return;
    table.set(term, (table.get(term) ?? 0) + count);
  };

  // A word that the vocabulary uses under many top-level topics ("people", "example") is
  // prose, not a cue: it would only add noise to every long article.
  const classesOfWord = new Map<string, Set<string>>();
  const vocabularyWords = vocabulary.map((topic) => {
    const top = topOf(topic);
    const label = contentWords(topic.label);
    const definition = contentWords(topic.definition ?? '');
    for (const word of [...label, ...definition])
      classesOfWord.set(word, (classesOfWord.get(word) ?? new Set<string>()).add(top));
    return { top, label, definition };
  });
  const specific = (word: string): boolean =>
    (classesOfWord.get(word)?.size ?? 0) <= MAX_CLASSES_OF_VOCABULARY_WORD;
  const fromVocabulary = new Map<string, number>();
  const addCapped = (code: string, word: string, count: number): void => {
    const key = `${code} ${word}`;
    const sofar = fromVocabulary.get(key) ?? 0;
    const added = Math.min(count, MAX_VOCABULARY_COUNT - sofar);
    if (added <= 0) return;
    fromVocabulary.set(key, sofar + added);
    add(code, word, added);
  };
  for (const { top, label, definition } of vocabularyWords) {
    for (const word of label.filter(specific)) addCapped(top, word, LABEL_COUNT);
    for (const word of definition.filter(specific)) addCapped(top, word, DEFINITION_COUNT);
  }
  // The narrower topics' rules count for their top-level topic. The top-level rules are left
  // out: TOPIC_SEEDS holds their cues, less the ambiguous ones ("cup", "set", "seed").
  const narrowRules = TOPIC_RULES.flatMap((rule) => {
    const topic = byCode.get(rule.code);
    return topic && topic.level > 1 ? [{ ...rule, code: topOf(topic) }] : [];
  });
  const seeds = [...TOPIC_SEEDS, ...narrowRules];
  for (const seed of seeds) {
    for (const cue of seed.cues) add(seed.code, seedTerm(cue), SEED_COUNT);
    for (const cue of seed.strong ?? []) add(seed.code, seedTerm(cue), STRONG_SEED_COUNT);
  }

  // Every topic's counts are scaled to the same total. By their own totals, a topic with few
  // words (weather) would make each term it lacks cost it less than one with many (economy),
  // and win any long article through the words that neither knows; unscaled, a topic with many
  // seeds would win through sheer number. With equal totals the floor for an unseen term is the
  // same under every topic, and only the excess over it is stored.
  const totals = classes.map((code) =>
    [...(counts.get(code)?.values() ?? [])].reduce((sum, count) => sum + count, 0),
  );
  const meanTotal = totals.reduce((a, b) => a + b, 0) / Math.max(1, totals.length);
  const entries = new Map<string, string[]>();
  classes.forEach((code, index) => {
    const table = counts.get(code) ?? new Map<string, number>();
    const scale = meanTotal / Math.max(1, totals[index] ?? 0);
    for (const [term, count] of table) {
      const excess = round(Math.log((count * scale + ALPHA) / ALPHA));
      entries.set(term, [...(entries.get(term) ?? []), `${index}:${excess}`]);
    }
  });
  const terms = Object.fromEntries(
    [...entries.keys()]
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      .map((term) => [term, (entries.get(term) ?? []).join(' ')]),
  );
  return { $comment: COMMENT, features: MODEL_FEATURES, classes, terms };
}

const COMMENT =
  'Top-level IPTC Media Topic model, written by train-topic-model.ts from the IPTC Media ' +
  'Topics vocabulary ((c) IPTC, https://iptc.org, CC BY 4.0) and the seeds of ' +
  'topic-lexicon.json and topic-rules.json. Do not edit: train again.';

/** One line per term, as prettier would write it, so that the file passes format:check. */
function formatModel(model: TopicModelFile): string {
  const lines = [
    '{',
    `  "$comment": ${JSON.stringify(model.$comment ?? '')},`,
    `  "features": ${model.features},`,
    '  "classes": [',
    model.classes.map((code) => `    ${JSON.stringify(code)}`).join(',\n'),
    '  ],',
    '  "terms": {',
    Object.entries(model.terms)
      .map(([term, entry]) => `    ${JSON.stringify(term)}: ${JSON.stringify(entry)}`)
      .join(',\n'),
    '  }',
    '}',
  ];
  return `${lines.join('\n')}\n`;
}

/** A seed as one term: a word, or a pair of words ("box office"); "a b c" keeps its first pair. */
function seedTerm(cue: string): string {
  return tokenizeOnce(cue).map(modelWord).slice(0, 2).join(' ');
}

/** The words of a label or definition that carry meaning. */
function contentWords(text: string): string[] {
  return tokenizeOnce(text)
    .filter((token) => /^\p{L}/u.test(token.text) && token.text.length > 2)
    .filter((token) => !STOPWORDS.has(token.text.toLowerCase()))
    .map(modelWord)
    .filter((word) => !STOPWORDS.has(word)); // "it's" -> "it", "news" -> "new"
}

function round(value: number): number {
  const scale = 10 ** DECIMALS;
  return Math.round(value * scale) / scale;
}

if (require.main === module) main();
