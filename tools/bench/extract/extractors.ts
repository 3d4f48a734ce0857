/** The extractors the bench compares, each reduced to page -> article body text. */
import { Readability } from '@mozilla/readability';
import type { ArticleFetchedV1 } from '@newsflow/contracts';
import { ExtractionError, extractArticle, parseHtml } from '@newsflow/extraction';
import { parseDocument } from 'htmlparser2';
import { parseHTML } from 'linkedom';
import type { BenchmarkPage } from './benchmark-dataset';

// Fixed so that relative dates in a page resolve the same on every run.
const FETCHED_AT = '2020-01-01T00:00:00.000Z';
const NOW = new Date(FETCHED_AT);

export const EXTRACTORS = {
  newsflow: extractWithNewsflow,
  readability: extractWithReadability,
  // No article body: the cost of parsing alone, the floor any DOM-based extractor stands on.
  htmlparser2: parseOnly,
  // Our own parse alone (htmlparser2 with the scanning tokenizer, no nodes for scripts, styles
  // or comments): the floor under our extractor, below the stock one.
  'newsflow-parse': parseWithNewsflow,
} satisfies Record<string, (page: BenchmarkPage) => string>;

export type ExtractorName = keyof typeof EXTRACTORS;

export function isExtractorName(name: string): name is ExtractorName {
  return Object.hasOwn(EXTRACTORS, name);
}

function extractWithNewsflow(page: BenchmarkPage): string {
  try {
    return extractArticle(fetchedDocument(page), { now: NOW }).bodyText;
  } catch (error) {
    // A page the extractor finds no article in scores as an empty prediction.
    if (error instanceof ExtractionError) return '';
    throw error;
  }
}

function extractWithReadability(page: BenchmarkPage): string {
  // Both libraries type the document with the DOM library, which this Node project does not load.
  const { document } = parseHTML(page.html) as { document: object };
  return new Readability(document).parse()?.textContent ?? '';
}

function parseOnly(page: BenchmarkPage): string {
  parseDocument(page.html);
  return '';
}

function parseWithNewsflow(page: BenchmarkPage): string {
  parseHtml(page.html);
  return '';
}

function fetchedDocument(page: BenchmarkPage): ArticleFetchedV1 {
  return {
    schemaVersion: 1,
    id: page.id,
    source: {
      id: 'article-extraction-benchmark',
      kind: 'web',
      name: 'article-extraction-benchmark',
    },
    url: page.url,
    fetchedAt: FETCHED_AT,
    httpStatus: 200,
    contentType: 'text/html; charset=utf-8',
    charset: 'utf-8',
    format: 'html',
    body: page.html,
  };
}
