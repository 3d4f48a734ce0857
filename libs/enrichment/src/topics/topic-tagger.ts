import type { TopicTagV1 } from '@newsflow/contracts';
import vocabulary from './iptc-media-topics.json';
import { TOPIC_RULES } from './topic-rules';
import type { TextZone } from '../text/text-zones';
import { tokenize, tokenizeOnce } from '../text/text-tokens';
import type { Token } from '../text/text-tokens';
import modelFile from './topic-model.json';
import { MODEL_FEATURES, modelWord, parseExcesses } from './topic-model';
import type { TopicModelFile } from './topic-model';

export { stem } from './topic-model';

// IPTC Media Topics (c) IPTC, CC BY 4.0: see iptc-media-topics.json and the README.

interface MediaTopic {
  code: string;
  label: string;
  parent: string | null;
  level: number;
}

const topics: readonly MediaTopic[] = vocabulary.topics;
const byCode = new Map(topics.map((topic) => [topic.code, topic]));

const ZONE_WEIGHT = { title: 2, lead: 1.5, body: 1 } as const;
const CUE_WEIGHT = 1;
const STRONG_WEIGHT = 1.5;
/** A term repeated past this many times adds nothing: one word must not make a topic. */
const MAX_HITS_PER_TERM = 3;
/** score = 1 - exp(-evidence / SCALE): 1.5 points of evidence give about 0.4. */
const SCALE = 3;
/**
 * Long texts gather stray cues: evidence is divided by sqrt(words / SHORT_TEXT_WORDS) past
 * that length, so a topic needs proportionally more cues in a long article.
 */
const SHORT_TEXT_WORDS = 250;
const MIN_NARROW_SCORE = 0.5;

/**
 * A text of this many words or more always gets its best top-level topic, however weak: a
 * caller filtering by topic would otherwise never see it. The score says how sure it is.
 */
export const MIN_WORDS_FOR_TOPIC = 25;
/** A shorter text gets a topic only when the model is this sure, on two terms or more. */
const MIN_SHORT_TEXT_SCORE = 0.5;
const MIN_SHORT_TEXT_TERMS = 2;
/** A second or third top-level topic only when close to the best: few topics, each meant. */
const MIN_SHARE_OF_BEST = 0.5;
const MIN_EXTRA_SCORE = 0.2;
const MAX_BROAD_TOPICS = 3;
/**
 * One more topic is given when part of the article is about it, though the whole leans
 * elsewhere: a paragraph (of MIN_PART_TERMS model terms or more) is about it with probability
 * MIN_PART_PROBABILITY, the paragraphs' probabilities for it average MIN_PART_SHARE, and the
 * cues of topic-rules.json confirm it. Its score is that average: how much of the article is
 * about it. A paragraph is read alone, its few terms not tempered (PART_TEMPERATURE). The seed
 * story (talks between two leaders, one paragraph on the Gaza war) gets conflict so, at 0.14.
 */
const MIN_PART_SHARE = 0.12;
const MIN_PART_TERMS = 3;
const MIN_PART_PROBABILITY = 0.8;
const PART_TEMPERATURE = 1;
const MAX_PART_TOPICS = 1;
/**
 * The model's log-odds grow with every term read, and terms of one text are not independent:
 * they are divided by TEMPERATURE, and by sqrt(terms / CALIBRATION_TERMS) past that many terms,
 * so that a score of 0.8 is right about 8 times in 10 (set on the even half of the topic bench's
 * labels, `npm run bench:topics`).
 */
const TEMPERATURE = 2.5;
const CALIBRATION_TERMS = 20;

type TermTable = Map<string, Map<string, number>>;

interface Table {
  terms: TermTable;
  longest: number;
  /** The first word of every term: a word that starts none is passed at once. */
  starts: ReadonlySet<string>;
}

interface Model {
  classes: readonly MediaTopic[];
  /** Term -> [class index, excess, class index, excess, ...]. */
  terms: ReadonlyMap<string, readonly number[]>;
  /** The first words of the pairs among the terms. */
  pairStarts: ReadonlySet<string>;
}

let table: Table | undefined;
let model: Model | undefined;

/**
 * IPTC Media Topics for a text. Top-level topics come from a Naive Bayes model trained on the
 * IPTC vocabulary and curated seeds (topic-model.ts): the best one always for a text of
 * MIN_WORDS_FOR_TOPIC words or more, another only when close to it, each scored by the model's
 * calibrated probability; and one that a part of the article is about (MIN_PART_SHARE), scored
 * by that part's share. Second-level topics come from hand-picked cues (topic-rules.json), under a
 * chosen top-level topic, scored no higher than it. Highest score first.
 */
export function tagTopics(zones: readonly TextZone[]): TopicTagV1[] {
  table ??= buildTable();
  model ??= loadModel();
  const { terms, longest, starts } = table;
  const evidence = new Map<string, number>();
  const hits = new Map<string, number>();
  // One word, however often repeated, does not make a topic: it takes two different cues,
  // or one strong cue ("ceasefire", "election").
  const cues = new Map<string, Set<string>>();
  const strong = new Set<string>();
  const read = new ModelReading(model);
  let wordCount = 0;

  for (const zone of zones) {
    const tokens = tokenize(zone.text);
    wordCount += tokens.length;
    const words = tokens.map(modelWord);
    read.add(tokens, words, ZONE_WEIGHT[zone.kind]);
    let i = 0;
    while (i < words.length) {
      if (!starts.has(words[i] ?? '')) {
        i += 1;
        continue;
      }
      let matched = 0;
      for (let length = Math.min(longest, words.length - i); length >= 1 && !matched; length -= 1) {
        if (length > 1 && tokens.slice(i, i + length - 1).some((t) => t.next === 'break')) continue;
        const key = words.slice(i, i + length).join(' ');
        const codes = terms.get(key);
        if (!codes) continue;
        matched = length;
        const seen = (hits.get(key) ?? 0) + 1;
        hits.set(key, seen);
        if (seen > MAX_HITS_PER_TERM) continue;
        for (const [code, weight] of codes) {
          evidence.set(code, (evidence.get(code) ?? 0) + weight * ZONE_WEIGHT[zone.kind]);
          cues.set(code, (cues.get(code) ?? new Set<string>()).add(key));
          if (weight >= STRONG_WEIGHT) strong.add(code);
        }
      }
      i += Math.max(1, matched);
    }
  }

  // Two different cues, or one strong cue, as the rules want of any topic.
  const cued = (code: string): boolean => (cues.get(code)?.size ?? 0) >= 2 || strong.has(code);
  const broad = chooseBroad(read, wordCount, cued);
  const broadScore = new Map(broad.map((b) => [b.topic.code, b.score]));
  const damping = Math.max(1, Math.sqrt(wordCount / SHORT_TEXT_WORDS));
  const narrow = [...evidence].flatMap(([code, points]) => {
    const topic = byCode.get(code);
    const parentScore = broadScore.get(topic?.parent ?? '');
    if (!topic || parentScore === undefined) return [];
    if (!cued(code)) return [];
    const score = round3(1 - Math.exp(-points / damping / SCALE));
    // A narrower topic is no surer than its parent: it is the parent and more.
    return score >= MIN_NARROW_SCORE ? [{ topic, score: Math.min(score, parentScore) }] : [];
  });
  return [...broad, ...narrow]
    .sort(
      (a, b) =>
        b.score - a.score ||
        a.topic.level - b.topic.level ||
        a.topic.code.localeCompare(b.topic.code),
    )
    .map(({ topic, score }) => ({
      code: topic.code,
      label: topic.label,
      score,
      level: topic.level,
    }));
}

/**
 * The best top-level topic (see MIN_WORDS_FOR_TOPIC), those close to it, and one that a part of
 * the article is about (see MIN_PART_SHARE), scored by that part's share.
 */
function chooseBroad(
  read: ModelReading,
  wordCount: number,
  cued: (code: string) => boolean,
): { topic: MediaTopic; score: number }[] {
  const ranked = read.probabilities();
  const best = ranked[0];
  if (!best) return [];
  const sure = best.score >= MIN_SHORT_TEXT_SCORE && read.distinctTerms >= MIN_SHORT_TEXT_TERMS;
  if (wordCount < MIN_WORDS_FOR_TOPIC && !sure) return [];
  const shares = read.shares();
  const close = ranked.filter(
    (r, i) => i === 0 || (r.score >= MIN_EXTRA_SCORE && r.score >= MIN_SHARE_OF_BEST * best.score),
  );
  const parts = ranked
    .map((r, i) => ({ topic: r.topic, score: Math.min(shares[i] ?? 0, best.score) }))
    .filter((r) => r.score >= MIN_PART_SHARE && cued(r.topic.code))
    .filter((r) => !close.some((c) => c.topic === r.topic))
    .sort((a, b) => b.score - a.score)
    .slice(0, MAX_PART_TOPICS);
  const chosen = [...close, ...parts].sort((a, b) => b.score - a.score).slice(0, MAX_BROAD_TOPICS);
  return chosen.map((r) => ({ topic: r.topic, score: round3(r.score) }));
}

/** The model's scores for one text, term by term, and zone by zone. */
class ModelReading {
  private readonly hits = new Map<string, number>();
  private readonly scores: number[];
  private mass = 0;
  /** Per class, the zones' probabilities weighted by their terms (see shares()). */
  private readonly parts: number[];
  private partMass = 0;
  distinctTerms = 0;

  constructor(private readonly model: Model) {
    this.scores = model.classes.map(() => 0);
    this.parts = model.classes.map(() => 0);
  }

  /**
   * One zone's words, and each pair of neighbours not split by punctuation ("box office",
   * "computer virus") whose first word starts a pair the model knows: most words start none,
   * and building every pair only to look it up would cost more than the rest of the reading.
   */
  add(tokens: readonly Token[], words: readonly string[], weight: number): void {
    const zone = this.model.classes.map(() => 0);
    let zoneMass = 0;
    let zoneTerms = 0;
    const read = (term: string): void => {
      const excesses = this.model.terms.get(term);
      if (!excesses) return;
      const seen = (this.hits.get(term) ?? 0) + 1;
      this.hits.set(term, seen);
      if (seen === 1) this.distinctTerms += 1;
      if (seen > MAX_HITS_PER_TERM) return;
      zoneMass += weight;
      zoneTerms += 1;
      for (let k = 0; k + 1 < excesses.length; k += 2) {
        const index = excesses[k] ?? 0;
        zone[index] = (zone[index] ?? 0) + weight * (excesses[k + 1] ?? 0);
      }
    };
    for (let i = 0; i < words.length; i += 1) {
      const word = words[i] ?? '';
      read(word);
      const next = words[i + 1];
      if (next !== undefined && tokens[i]?.next !== 'break' && this.model.pairStarts.has(word))
        read(`${word} ${next}`);
    }
    this.mass += zoneMass;
    zone.forEach((score, i) => (this.scores[i] = (this.scores[i] ?? 0) + score));
    if (zoneTerms < MIN_PART_TERMS) return;
    softmax(zone, PART_TEMPERATURE).forEach((p, i) => {
      this.parts[i] = (this.parts[i] ?? 0) + p;
      if (p >= MIN_PART_PROBABILITY) this.clear.add(i);
    });
    this.partMass += 1;
  }

  /** Top-level topics by probability, best first; a text without terms gets the prior. */
  probabilities(): { topic: MediaTopic; score: number }[] {
    const p = softmax(this.scores, temperatureFor(this.mass));
    const ranked = this.model.classes.map((topic, i) => ({ topic, score: p[i] ?? 0, i }));
    ranked.sort((a, b) => b.score - a.score || a.topic.code.localeCompare(b.topic.code));
    this.order = ranked.map((r) => r.i);
    return ranked.map(({ topic, score }) => ({ topic, score }));
  }

  /**
   * How much of the text is about each topic, in the order of the last probabilities(): the
   * zones' own probabilities, weighted by their terms. A paragraph on the Gaza war in a story on
   * talks between two leaders gives conflict its share though the story is politics.
   */
  shares(): number[] {
    const total = Math.max(this.partMass, Number.MIN_VALUE);
    return this.order.map((i) => (this.clear.has(i) ? (this.parts[i] ?? 0) / total : 0));
  }

  /** Classes some zone is clearly about. */
  private readonly clear = new Set<number>();
  private order: number[] = [];
}

function temperatureFor(mass: number): number {
  return TEMPERATURE * Math.max(1, Math.sqrt(mass / CALIBRATION_TERMS));
}

function softmax(scores: readonly number[], temperature: number): number[] {
  const logits = scores.map((s) => s / temperature);
  const top = Math.max(...logits);
  const exps = logits.map((l) => Math.exp(l - top));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

function loadModel(): Model {
  const file = modelFile as TopicModelFile;
  if (file.features !== MODEL_FEATURES)
    throw new Error(
      `topic-model.json has features ${file.features}, this code reads ${MODEL_FEATURES}`,
    );
  const classes = file.classes.map((code) => {
    const topic = byCode.get(code);
    if (!topic) throw new Error(`topic model names unknown code ${code}`);
    return topic;
  });
  const terms = new Map(
    Object.entries(file.terms).map(([term, entry]) => [term, parseExcesses(entry)] as const),
  );
  const pairStarts = new Set([...terms.keys()].flatMap((term) => term.split(' ').slice(0, -1)));
  return { classes, terms, pairStarts };
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function buildTable(): Table {
  const terms: TermTable = new Map();
  const put = (term: string, code: string, weight: number): void => {
    const key = termKey(term);
    if (!key) return;
    const codes = terms.get(key) ?? new Map<string, number>();
    codes.set(code, Math.max(codes.get(code) ?? 0, weight));
    terms.set(key, codes);
  };

  // The rules give the narrower topics; for top-level ones they only confirm a topic that a
  // part of the article is about (see MIN_PART_SHARE).
  for (const rule of TOPIC_RULES) {
    if (!byCode.has(rule.code)) throw new Error(`topic rule for unknown code ${rule.code}`);
    for (const term of rule.cues) put(term, rule.code, CUE_WEIGHT);
    for (const term of rule.strong ?? []) put(term, rule.code, STRONG_WEIGHT);
  }
  const keys = [...terms.keys()].map((key) => key.split(' '));
  const longest = Math.max(1, ...keys.map((words) => words.length));
  return { terms, longest, starts: new Set(keys.map((words) => words[0] ?? '')) };
}

function termKey(term: string): string {
  return tokenizeOnce(term).map(modelWord).join(' ');
}
