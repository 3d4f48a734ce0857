import { diffArrays } from 'diff';
import { comparisonKey } from './text-normalizer';

/**
 * Merges several copies of one text into a single reading order, each paragraph once. Pages
 * saved as text often hold the article twice (what a scraper extracted, then the page's visible
 * text), and either copy may miss paragraphs the other has, at its start or in its middle.
 * Paragraphs both copies share anchor the merge (their longest common subsequence); what only
 * one copy has goes in where it stands in that copy.
 */
export function mergeReadingOrder(copies: readonly (readonly string[])[]): string[] {
  let merged: string[] = [];
  for (const copy of copies) {
    const changes = diffArrays(merged, [...copy], {
      comparator: (a, b) => comparisonKey(a) === comparisonKey(b),
    });
    merged = changes.flatMap((change) => change.value);
  }
  return merged;
}
