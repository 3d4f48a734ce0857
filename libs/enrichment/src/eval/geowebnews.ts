import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { tagCountriesOnly, tagText } from '../tag-text';

// Scores the country tagger against GeoWebNews (200 annotated news articles): micro precision,
// recall and F1 of each article's set of countries. The dataset is GPL-3.0 and for development
// only: it is read from shared/ beside the repository and nothing of it is copied here.
//
//   npx ts-node --transpile-only libs/enrichment/src/eval/geowebnews.ts [--errors]
//
// --errors lists the codes most often missed and most often wrongly added.

const REPO_ROOT = resolve(__dirname, '../../../..');
const DATASET = resolve(REPO_ROOT, '../shared/datasets/geowebnews/geowebnews.dev.jsonl');

interface Article {
  id: string;
  text: string;
  countries: string[];
}

export interface Score {
  articles: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Micro-averaged over all (article, country) pairs. */
export function score(pairs: readonly { expected: string[]; predicted: string[] }[]): Score {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const { expected, predicted } of pairs) {
    const gold = new Set(expected);
    const guess = new Set(predicted);
    for (const code of guess)
      if (gold.has(code)) tp += 1;
      else fp += 1;
    for (const code of gold) if (!guess.has(code)) fn += 1;
  }
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    articles: pairs.length,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision,
    recall,
    f1,
  };
}

function readArticles(path: string): Article[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Article);
}

function main(): void {
  if (!existsSync(DATASET)) {
    console.log(`GeoWebNews not found at ${DATASET}: nothing to evaluate.`);
    return;
  }
  const articles = readArticles(DATASET);
  // --countries-only: the fast country tagger instead of the whole of tagText.
  const countriesOf = process.argv.includes('--countries-only')
    ? (text: string) => tagCountriesOnly({ text })
    : (text: string) => tagText({ text }).countries;
  const started = Date.now();
  // The title is not annotated in GeoWebNews: tag the body only.
  const pairs = articles.map((article) => ({
    id: article.id,
    expected: article.countries,
    predicted: countriesOf(article.text).map((country) => country.code),
  }));
  const result = score(pairs);
  const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
  console.log(
    `GeoWebNews dev, ${result.articles} articles, ${Date.now() - started} ms: ` +
      `P ${pct(result.precision)}  R ${pct(result.recall)}  F1 ${pct(result.f1)} ` +
      `(TP ${result.truePositives}, FP ${result.falsePositives}, FN ${result.falseNegatives})`,
  );

  if (process.argv.includes('--errors')) {
    const missed = new Map<string, string[]>();
    const added = new Map<string, string[]>();
    for (const { id, expected, predicted } of pairs) {
      for (const code of expected)
        if (!predicted.includes(code)) missed.set(code, [...(missed.get(code) ?? []), id]);
      for (const code of predicted)
        if (!expected.includes(code)) added.set(code, [...(added.get(code) ?? []), id]);
    }
    const top = (map: Map<string, string[]>): string =>
      [...map]
        .sort((a, b) => b[1].length - a[1].length)
        .slice(0, 25)
        .map(([code, ids]) => `${code} ${ids.length} (${ids.slice(0, 4).join(' ')})`)
        .join('\n  ');
    console.log(`missed:\n  ${top(missed)}\nwrongly added:\n  ${top(added)}`);
  }
}

if (require.main === module) main();
