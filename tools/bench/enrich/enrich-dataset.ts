/**
 * The texts the enrichment bench runs on, read in place from ../shared beside the repository and
 * never copied into it: GeoWebNews (GPL-3.0, development use only; see its README) and the
 * article bodies of the article-extraction-benchmark.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  DATASET_DIR as EXTRACTION_DATASET_DIR,
  loadGroundTruth,
} from '../extract/benchmark-dataset';

/** From tools/bench/enrich (sources, specs) or dist/tools/bench/enrich (built). */
const REPO_ROOT = resolve(__dirname, __dirname.includes('/dist/') ? '../../../..' : '../../..');
export const GEOWEBNEWS_FILE = resolve(
  REPO_ROOT,
  '../shared/datasets/geowebnews/geowebnews.dev.jsonl',
);
export { EXTRACTION_DATASET_DIR };

export interface BenchText {
  id: string;
  text: string;
  /** ISO 3166-1 alpha-2 codes of the article's places, where the source annotates them. */
  countries?: string[];
}

interface GeoWebNewsLine {
  id: string;
  text: string;
  countries: string[];
}

/** GeoWebNews articles, body only: its titles carry no annotations. */
export function loadGeoWebNews(): BenchText[] {
  return readFileSync(GEOWEBNEWS_FILE, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const { id, text, countries } = JSON.parse(line) as GeoWebNewsLine;
      return { id, text, countries };
    });
}

/** The true article bodies of the extraction benchmark's pages, in id order. */
export function loadExtractionBodies(): BenchText[] {
  return Object.entries(loadGroundTruth())
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, text]) => ({ id: `aeb-${id}`, text }));
}

export function loadBenchTexts(): BenchText[] {
  return [...loadGeoWebNews(), ...loadExtractionBodies()];
}
