/**
 * Reads the article-extraction-benchmark data in place, from ../shared beside the repository
 * (its ORIGIN.md says where it comes from); it is not copied into the repo.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** From tools/bench/extract (sources, specs) or dist/tools/bench/extract (built). */
const REPO_ROOT = resolve(__dirname, __dirname.includes('/dist/') ? '../../../..' : '../../..');
export const DATASET_DIR = resolve(REPO_ROOT, '../shared/datasets/article-extraction-benchmark');

export interface BenchmarkPage {
  id: string;
  url: string;
  html: string;
}

/** Tools whose published predictions ship with the dataset, in output/<name>.json. */
export type PublishedTool = 'readability_js' | 'trafilatura' | 'html-text';

interface ArticleRecord {
  articleBody?: string;
  url?: string;
}

/** Page id -> true article body. */
export function loadGroundTruth(): Record<string, string> {
  return bodies(readRecords('ground-truth.json'));
}

/** Page id -> a tool's published article body. */
export function loadPublished(tool: PublishedTool): Record<string, string> {
  return bodies(readRecords(`output/${tool}.json`));
}

/** Every page, decompressed, in id order. */
export function loadPages(): BenchmarkPage[] {
  const truth = readRecords('ground-truth.json');
  return readdirSync(resolve(DATASET_DIR, 'html'))
    .filter((file) => file.endsWith('.html.gz'))
    .sort()
    .map((file) => {
      const id = file.slice(0, -'.html.gz'.length);
      const html = gunzipSync(readFileSync(resolve(DATASET_DIR, 'html', file))).toString('utf8');
      return { id, url: truth[id]?.url ?? `https://example.invalid/${id}`, html };
    });
}

/** Upstream files map id -> record, optionally wrapped as {version, output}. */
function readRecords(path: string): Record<string, ArticleRecord> {
  const json: unknown = JSON.parse(readFileSync(resolve(DATASET_DIR, path), 'utf8'));
  const wrapped = typeof json === 'object' && json !== null && 'output' in json;
  return (wrapped ? json.output : json) as Record<string, ArticleRecord>;
}

function bodies(records: Record<string, ArticleRecord>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(records).map(([id, record]) => [id, record.articleBody ?? '']),
  );
}
