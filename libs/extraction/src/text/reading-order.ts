import { diffArrays } from 'diff';
import type { Deadline } from '../limits';
import { comparisonKey } from './text-normalizer';

/**
 * Edits (paragraphs only one side has) past which two copies are not one text, and are not
 * diffed further. The diff's cost grows with the copies' length times the edits between them:
 * two copies of 8,000 different lines took 33 s. A saved page's copies of its article differ by
 * tens of lines, a few hundred with the page's furniture.
 */
export const MAX_MERGE_EDITS = 1_000;

/** A paragraph and the key it is compared by, worked out once rather than at every comparison. */
interface Keyed {
  text: string;
  key: string;
}

/**
 * Merges several copies of one text into a single reading order, each paragraph once. Pages
 * saved as text often hold the article twice (what a scraper extracted, then the page's visible
 * text), and either copy may miss paragraphs the other has, at its start or in its middle.
 * Paragraphs both copies share anchor the merge (their longest common subsequence); what only
 * one copy has goes in where it stands in that copy. A copy more than MAX_MERGE_EDITS away from
 * the rest is not the same text: what it adds goes after it, in its own order.
 *
 * Even under that cap, copies built for it (long runs the diff can follow many ways) can take
 * seconds: the diff stops when the deadline passes, and the deadline's error says so.
 */
export function mergeReadingOrder(
  copies: readonly (readonly string[])[],
  deadline?: Deadline,
): string[] {
  let merged: Keyed[] = [];
  for (const copy of copies) {
    const keyed = copy.map((text) => ({ text, key: comparisonKey(text) }));
    const changes = diffArrays(merged, keyed, {
      comparator: (a, b) => a.key === b.key,
      maxEditLength: MAX_MERGE_EDITS,
      ...(deadline && { timeout: deadline.remainingMs() }),
    });
    // No changes: the copies are more than MAX_MERGE_EDITS apart, or time ran out.
    if (!changes) deadline?.check('merging the copies of the body');
    merged = changes ? changes.flatMap((change) => change.value) : appendNew(merged, keyed);
  }
  return merged.map(({ text }) => text);
}

/** The merged paragraphs, then those of the copy that they do not hold yet. */
function appendNew(merged: readonly Keyed[], copy: readonly Keyed[]): Keyed[] {
  const seen = new Set(merged.map(({ key }) => key));
  return [...merged, ...copy.filter(({ key }) => !seen.has(key))];
}
