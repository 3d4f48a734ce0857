/**
 * Scores of the people and organisations a tagger names against hand labels. An entity is
 * matched when one of its forms (name or surface forms) is one of the label's forms (name or
 * aliases), compared folded, in lower case, without a leading "the" or a possessive: "Putin"
 * for Vladimir Putin counts, "President Putin" does not. Names a labeller marked doubtful count
 * neither way.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Kept in the repository (MIT, from the article-extraction benchmark): see its ORIGIN.md. */
export const LABELLED_ARTICLES_FILE = 'tests/fixtures/entities/labelled-articles.json';

/** From tools/bench/enrich (sources, specs) or dist/tools/bench/enrich (built). */
const REPO_ROOT = resolve(__dirname, __dirname.includes('/dist/') ? '../../../..' : '../../..');

export function loadLabelledArticles(): LabelledArticle[] {
  return JSON.parse(
    readFileSync(resolve(REPO_ROOT, LABELLED_ARTICLES_FILE), 'utf8'),
  ) as LabelledArticle[];
}

export type LabelledKind = 'person' | 'organisation';

export interface LabelledEntity {
  name: string;
  aliases?: string[];
}

export interface LabelledArticle {
  id: string;
  url: string;
  /** 'development': read while the finder was written; 'held-out': scored only in total. */
  labelledIn: 'development' | 'held-out';
  text: string;
  people: LabelledEntity[];
  organisations: LabelledEntity[];
  doubtful?: string[];
}

export interface FoundEntity {
  kind: string;
  name: string;
  surfaceForms: readonly string[];
}

export interface KindScore {
  labelled: number;
  found: number;
  /** Labels matched by at least one entity found. */
  labelsMatched: number;
  /** Entities found that match a label. */
  foundMatched: number;
  precision: number;
  recall: number;
  f1: number;
  /** What was missed and what was wrong, "article: name", for reading. */
  missed: string[];
  wrong: string[];
}

export function formKey(form: string): string {
  return form
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘`´]/g, "'")
    .replace(/'s$/i, '')
    .replace(/\./g, '')
    .replace(/^the\s+/i, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

export function scoreEntities(
  articles: readonly LabelledArticle[],
  found: (article: LabelledArticle) => readonly FoundEntity[],
  kind: LabelledKind,
): KindScore {
  const score = { labelled: 0, found: 0, labelsMatched: 0, foundMatched: 0 };
  const missed: string[] = [];
  const wrong: string[] = [];
  for (const article of articles) {
    const labels = (kind === 'person' ? article.people : article.organisations).map((label) => ({
      name: label.name,
      keys: new Set([label.name, ...(label.aliases ?? [])].map(formKey)),
    }));
    const doubtful = new Set((article.doubtful ?? []).map(formKey));
    const entities = found(article)
      .filter((entity) => entity.kind === kind)
      .map((entity) => ({
        name: entity.name,
        keys: new Set([entity.name, ...entity.surfaceForms].map(formKey)),
      }));
    const shares = (a: Set<string>, b: Set<string>): boolean => [...a].some((key) => b.has(key));
    for (const entity of entities) {
      const matched = labels.some((label) => shares(entity.keys, label.keys));
      if (!matched && shares(entity.keys, doubtful)) continue;
      score.found += 1;
      if (matched) score.foundMatched += 1;
      else wrong.push(`${article.id.slice(0, 8)}: ${entity.name}`);
    }
    for (const label of labels) {
      score.labelled += 1;
      if (entities.some((entity) => shares(entity.keys, label.keys))) score.labelsMatched += 1;
      else missed.push(`${article.id.slice(0, 8)}: ${label.name}`);
    }
  }
  const precision = ratio(score.foundMatched, score.found);
  const recall = ratio(score.labelsMatched, score.labelled);
  return {
    ...score,
    precision,
    recall,
    f1: ratio(2 * precision * recall, precision + recall),
    missed,
    wrong,
  };
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}
