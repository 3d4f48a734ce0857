import { MIN_STORY_WORDS, storyWords } from './story-words';
import { bandKeys } from './lsh-bands';
import type { BandKey } from './lsh-bands';
import { minhash, shingleHashes } from './minhash';
import type { Signature } from './minhash';

/** What the story index needs of one article's text. */
export interface StorySignature {
  signature: Signature;
  bands: BandKey[];
  /** The words read (at most MAX_STORY_WORDS). */
  words: number;
}

/**
 * The signature and band keys of an article's body, or null when the body has fewer than
 * MIN_STORY_WORDS words: such an article gets no story (see story-words.ts).
 */
export function storySignature(bodyText: string): StorySignature | null {
  const words = storyWords(bodyText);
  if (words.length < MIN_STORY_WORDS) return null;
  const signature = minhash(shingleHashes(words));
  return { signature, bands: bandKeys(signature), words: words.length };
}
