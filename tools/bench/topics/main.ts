/**
 * `npm run bench:topics [-- --errors even|odd|all]`: how well the enricher's top-level IPTC
 * topics match hand labels.
 *
 * Labels: tools/bench/topics/data/labels.jsonl, one {"id", "topics": [primary, other acceptable
 * codes...]} a line. Texts, by the id's prefix: "aeb:<key>" the article body of the
 * article-extraction-benchmark's page <key>, "gwn:<id>" GeoWebNews's article (title and text),
 * both read in place from ../shared beside the repository; any other prefix from the {id, title,
 * text} lines of tools/bench/topics/data/*.jsonl. Each text goes through tagText with its title,
 * as the enricher service does for an article.
 *
 * Printed for all labelled texts and for each half (even and odd line index of labels.jsonl),
 * so that rules tuned on one half can be checked on the other.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  CONFIDENCE_BUCKETS,
  isRight,
  scoreTopics,
  short,
  type TopicOutcome,
  type TopicScores,
} from './topic-score';

/** From tools/bench/topics (sources) or dist/tools/bench/topics (built). */
const REPO_ROOT = resolve(__dirname, __dirname.includes('/dist/') ? '../../../..' : '../../..');
const DATA_DIR = resolve(REPO_ROOT, 'tools/bench/topics/data');
const LABELS_FILE = resolve(DATA_DIR, 'labels.jsonl');
const SHARED_DIR = resolve(REPO_ROOT, '../shared/datasets');
const EXTRACTION_TRUTH = resolve(SHARED_DIR, 'article-extraction-benchmark/ground-truth.json');
const GEOWEBNEWS_FILE = resolve(SHARED_DIR, 'geowebnews/geowebnews.dev.jsonl');
/** The enricher promises a top-level topic from this many words on. */
const MIN_WORDS = 25;

interface BenchText {
  title?: string;
  text: string;
}

/** Read, not imported: tools may import the library only through its index. */
const VOCABULARY_FILE = resolve(REPO_ROOT, 'libs/enrichment/src/topics/iptc-media-topics.json');

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { errors: { type: 'string' } } });
  if (!existsSync(SHARED_DIR)) {
    console.log(`topic bench: ${SHARED_DIR} not found (the shared datasets): nothing to score.`);
    return;
  }
  if (!existsSync(LABELS_FILE)) {
    console.log(`topic bench: ${LABELS_FILE} not found: nothing to score.`);
    return;
  }
  const labels = readJsonLines<{ id: string; topics: string[] }>(LABELS_FILE).map(
    (label, line) => ({ ...label, line }),
  );
  const texts = loadTexts();
  const vocabulary = JSON.parse(readFileSync(VOCABULARY_FILE, 'utf8')) as {
    topics: { code: string; label: string }[];
  };
  const labelOf = new Map(vocabulary.topics.map((topic) => [topic.code, topic.label]));
  const { tagText } = await import('@newsflow/enrichment');

  const outcomes: (TopicOutcome & { line: number; title: string })[] = [];
  const missing: string[] = [];
  const started = process.hrtime.bigint();
  for (const label of labels) {
    const text = texts.get(label.id);
    if (!text || label.topics.length === 0) {
      missing.push(label.id);
      continue;
    }
    const topics = tagText({ title: text.title, text: text.text }).topics;
    outcomes.push({
      id: label.id,
      line: label.line,
      title: text.title ?? text.text.slice(0, 80),
      labels: label.topics,
      predicted: topics.filter((t) => t.level === 1).map((t) => ({ code: t.code, score: t.score })),
      topicCount: topics.length,
      words: countWords(`${text.title ?? ''} ${text.text}`),
    });
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;

  console.log(
    `topic bench: ${labels.length} labels, ${outcomes.length} texts scored` +
      (missing.length
        ? `, ${missing.length} without text (${missing.slice(0, 5).join(', ')})`
        : '') +
      `, ${(ms / Math.max(1, outcomes.length)).toFixed(1)} ms per text (tagText)`,
  );
  report('all', scoreTopics(outcomes, MIN_WORDS), labelOf);
  report(
    'even lines (dev)',
    scoreTopics(
      outcomes.filter((o) => o.line % 2 === 0),
      MIN_WORDS,
    ),
  );
  report(
    'odd lines (test)',
    scoreTopics(
      outcomes.filter((o) => o.line % 2 === 1),
      MIN_WORDS,
    ),
  );

  const which = values.errors;
  if (which !== undefined) {
    const parity = which === 'even' ? 0 : which === 'odd' ? 1 : -1;
    console.log(`\nerrors (${which}):`);
    for (const o of outcomes) {
      if (isRight(o) || (parity >= 0 && o.line % 2 !== parity)) continue;
      const predicted = o.predicted.map((p) => `${short(p.code)}:${p.score.toFixed(2)}`).join(' ');
      console.log(
        `  ${o.id.slice(0, 16)} want ${o.labels.map(short).join('/')} got ${predicted || 'none'}  ${o.title.slice(0, 70)}`,
      );
    }
  }
}

/** With labelOf, also per labelled topic and the confusions. */
function report(name: string, s: TopicScores, labelOf?: ReadonlyMap<string, string>): void {
  const pct = (a: number, b: number): string => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`;
  console.log(`\n== ${name}: ${s.texts} texts`);
  console.log(`top-1 top-level accuracy  ${pct(s.correct, s.texts)} (${s.correct}/${s.texts})`);
  console.log(
    `coverage (>= ${MIN_WORDS} words)      ${pct(s.covered, s.longTexts)} (${s.covered}/${s.longTexts})`,
  );
  console.log(
    `topics per text           ${s.topicsPerText.toFixed(2)} (top-level ${s.topLevelPerText.toFixed(2)})`,
  );
  console.log(
    `second/third top-level    ${s.extras}, in the label list ${pct(s.extrasRight, s.extras)}`,
  );
  console.log('by confidence of the top topic (right / texts, mean score):');
  for (const lower of CONFIDENCE_BUCKETS) {
    const [right, n, sum] = s.buckets.get(lower) ?? [0, 0, 0];
    if (n === 0) continue;
    console.log(
      `  >= ${lower.toFixed(1)}  ${pct(right, n).padStart(6)}  ${String(right).padStart(3)}/${String(n).padEnd(3)}  mean ${(sum / n).toFixed(2)}`,
    );
  }
  if (!labelOf) return;
  console.log('by primary label (right / texts):');
  for (const [code, [right, n]] of [...s.perTopic].sort((a, b) => b[1][1] - a[1][1])) {
    console.log(
      `  ${short(code)} ${(labelOf.get(code) ?? code).padEnd(42)} ${pct(right, n).padStart(6)}  ${right}/${n}`,
    );
  }
  console.log('confusions (primary -> top-1 given), most frequent:');
  console.log(
    `  ${
      s.confusions
        .slice(0, 15)
        .map(([k, n]) => `${k} x${n}`)
        .join(', ') || 'none'
    }`,
  );
}

function loadTexts(): Map<string, BenchText> {
  const texts = new Map<string, BenchText>();
  if (existsSync(EXTRACTION_TRUTH)) {
    const truth = JSON.parse(readFileSync(EXTRACTION_TRUTH, 'utf8')) as Record<
      string,
      { articleBody?: string }
    >;
    for (const [key, record] of Object.entries(truth))
      texts.set(`aeb:${key}`, { text: record.articleBody ?? '' });
  }
  if (existsSync(GEOWEBNEWS_FILE)) {
    for (const line of readJsonLines<{ id: string; title?: string; text: string }>(
      GEOWEBNEWS_FILE,
    )) {
      // Labels may write "gwn:gwn-7" (the file's id) or "gwn:7".
      const text = { title: line.title, text: line.text };
      texts.set(`gwn:${line.id}`, text);
      texts.set(`gwn:${line.id.replace(/^gwn-/, '')}`, text);
    }
  }
  for (const file of readdirSync(DATA_DIR)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()) {
    if (resolve(DATA_DIR, file) === LABELS_FILE) continue;
    for (const line of readJsonLines<{ id: string; title?: string; text: string }>(
      resolve(DATA_DIR, file),
    ))
      texts.set(line.id, { title: line.title, text: line.text });
  }
  return texts;
}

function readJsonLines<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

void main();
