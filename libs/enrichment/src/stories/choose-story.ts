import { estimatedSimilarity } from './minhash';
import type { Signature } from './minhash';

/**
 * Estimated similarity from which two texts are one story. Chosen with `npm run bench:stories`
 * on labelled pairs (syndicated variants of the extraction benchmark's pages against distinct
 * stories on the same topic); the table of thresholds is in the README.
 */
export const SAME_STORY_THRESHOLD = 0.3;

/**
 * At most this many candidate stories are compared per article: the index returns those sharing
 * the most bands first. A copy shares most of its bands with its story; a band that many stories
 * share (a boilerplate paragraph) cannot make an article compare against all of them.
 */
export const MAX_STORY_CANDIDATES = 20;

export interface StoryCandidate {
  storyId: string;
  /** The signature of the article that named the story. */
  signature: Signature;
}

export interface StoryMatch {
  storyId: string;
  /** Estimated Jaccard similarity of the article's shingles and the story's first article's. */
  similarity: number;
}

/**
 * The candidate story the article belongs to: the most similar at or above the threshold (the
 * first in the given order on a tie), or null. Only the first MAX_STORY_CANDIDATES are read.
 */
export function chooseStory(
  signature: Signature,
  candidates: readonly StoryCandidate[],
  threshold = SAME_STORY_THRESHOLD,
): StoryMatch | null {
  let best: StoryMatch | null = null;
  for (const candidate of candidates.slice(0, MAX_STORY_CANDIDATES)) {
    const similarity = estimatedSimilarity(signature, candidate.signature);
    if (similarity >= threshold && (best === null || similarity > best.similarity)) {
      best = { storyId: candidate.storyId, similarity };
    }
  }
  return best;
}
