import type { TopicTagV1 } from '@newsflow/contracts';
import vocabulary from './iptc-media-topics.json';
import { termList, TOPIC_RULES } from './topic-rules';
import type { TextZone } from './text-zones';
import { fold, tokenize, tokenizeOnce, wordSet } from './text-tokens';

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
/** A term taken from a narrower topic's label ("peace talks" under conflict) is a weak cue. */
const LABEL_WEIGHT = 0.5;
/** A term repeated past this many times adds nothing: one word must not make a topic. */
const MAX_HITS_PER_TERM = 3;
/** score = 1 - exp(-evidence / SCALE): 1.5 points of evidence give about 0.4. */
const SCALE = 3;
/**
 * Long texts gather stray cues: evidence is divided by sqrt(words / SHORT_TEXT_WORDS) past
 * that length, so a topic needs proportionally more cues in a long article.
 */
const SHORT_TEXT_WORDS = 250;
const MIN_SCORE = 0.4;
/** A topic far behind the leading one is noise. */
const MIN_SHARE_OF_BEST = 0.45;
const MAX_BROAD_TOPICS = 4;
const MIN_NARROW_SCORE = 0.5;

/** Words in labels too vague to be cues on their own ("media" is under economy, too). */
const VAGUE_LABEL_WORDS = wordSet(`
  media game party series trend pool diving men women children adults water animal fire history
  language transport values service services information products condition relations process
  development system event industry policy government organization international national local
  state public private social general other issue skeleton record final regular championship
  employee employer injury communities family gender club association leisure lifestyle culture
  religion nature energy weather science technology health education
`);

type TermTable = Map<string, Map<string, number>>;

interface Table {
  terms: TermTable;
  longest: number;
  /** The first word of every term: a word that starts none is passed at once. */
  starts: ReadonlySet<string>;
}

let table: Table | undefined;

/**
 * IPTC Media Topics for a text, by weighted terms: hand-picked cues per topic (topic-rules.ts)
 * and words from the labels of each top-level topic's narrower topics. Returns top-level topics
 * over a threshold, plus a few second-level ones with their own rules, highest score first.
 */
export function tagTopics(zones: readonly TextZone[]): TopicTagV1[] {
  table ??= buildTable();
  const { terms, longest, starts } = table;
  const evidence = new Map<string, number>();
  const hits = new Map<string, number>();
  // One word, however often repeated, does not make a topic: it takes two different cues,
  // or one strong cue ("ceasefire", "election").
  const cues = new Map<string, Set<string>>();
  const strong = new Set<string>();
  let wordCount = 0;

  for (const zone of zones) {
    const tokens = tokenize(zone.text);
    wordCount += tokens.length;
    const words = tokens.map((token) => stem(fold(token.text).toLowerCase()));
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

  const damping = Math.max(1, Math.sqrt(wordCount / SHORT_TEXT_WORDS));
  const scored = [...evidence].flatMap(([code, points]) => {
    const topic = byCode.get(code);
    if ((cues.get(code)?.size ?? 0) < 2 && !strong.has(code)) return [];
    const score = Math.round((1 - Math.exp(-points / damping / SCALE)) * 1000) / 1000;
    return topic ? [{ topic, score }] : [];
  });
  const best = Math.max(0, ...scored.filter((s) => s.topic.level === 1).map((s) => s.score));
  const broad = scored
    .filter(
      (s) => s.topic.level === 1 && s.score >= MIN_SCORE && s.score >= MIN_SHARE_OF_BEST * best,
    )
    .sort((a, b) => b.score - a.score)
    .slice(0, MAX_BROAD_TOPICS);
  const chosen = new Set(broad.map((s) => s.topic.code));
  const narrow = scored.filter(
    (s) => s.topic.level > 1 && s.score >= MIN_NARROW_SCORE && chosen.has(s.topic.parent ?? ''),
  );
  return [...broad, ...narrow]
    .sort((a, b) => b.score - a.score || a.topic.code.localeCompare(b.topic.code))
    .map(({ topic, score }) => ({
      code: topic.code,
      label: topic.label,
      score,
      level: topic.level,
    }));
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

  for (const topic of topics) {
    if (topic.level === 1) continue;
    const top = topLevelOf(topic);
    for (const phrase of labelPhrases(topic.label)) put(phrase, top, LABEL_WEIGHT);
  }
  for (const rule of TOPIC_RULES) {
    if (!byCode.has(rule.code)) throw new Error(`topic rule for unknown code ${rule.code}`);
    for (const term of termList(rule.cues)) put(term, rule.code, CUE_WEIGHT);
    for (const term of termList(rule.strong)) put(term, rule.code, STRONG_WEIGHT);
  }
  const keys = [...terms.keys()].map((key) => key.split(' '));
  const longest = Math.max(1, ...keys.map((words) => words.length));
  return { terms, longest, starts: new Set(keys.map((words) => words[0] ?? '')) };
}

function topLevelOf(topic: MediaTopic): string {
  let current = topic;
  while (current.parent) {
    const parent = byCode.get(current.parent);
    if (!parent) break;
    current = parent;
  }
  return current.code;
}

/** "robbery and theft" -> ["robbery", "theft"]; "peace talks" stays whole; vague words go. */
export function labelPhrases(label: string): string[] {
  return label
    .replace(/\([^)]*\)/g, ' ')
    .split(/,|;|\band\b|\bor\b/)
    .map((phrase) => phrase.trim().toLowerCase())
    .filter((phrase) => {
      if (!/^[a-z][a-z' -]*$/.test(phrase)) return false;
      if (phrase.includes(' ')) return true;
      return phrase.length >= 5 && !VAGUE_LABEL_WORDS.has(phrase);
    });
}

function termKey(term: string): string {
  return tokenizeOnce(term)
    .map((token) => stem(fold(token.text).toLowerCase()))
    .join(' ');
}

/** Just enough stemming to meet plurals: "talks" -> "talk", "clashes" -> "clash". */
export function stem(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(?:ss|us|is)$/.test(word)) return word;
  if (/(?:sh|ch|x|z|s)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}
