// The library's face for the outside: only what the apps, newsctl and the benches use. Files
// inside the library import their siblings directly.
export { enrichArticle } from './enrich-article';
export { tagCountriesOnly, tagText } from './tag-text';
export type { Tags } from './tag-text';
export { detectTextLanguage } from './text/language';
// Stories: near-duplicate detection on the body (MinHash over word shingles, LSH bands). The
// index itself lives in Postgres (persistence's StoriesRepository); this is the pure part.
export { MAX_STORY_WORDS, MIN_STORY_WORDS, storyWords } from './stories/story-words';
export {
  NUM_HASHES,
  SHINGLE_WORDS,
  estimatedSimilarity,
  minhash,
  shingleHashes,
} from './stories/minhash';
export type { Signature } from './stories/minhash';
export { BANDS, ROWS, bandKeys } from './stories/lsh-bands';
export type { BandKey } from './stories/lsh-bands';
export { storySignature } from './stories/story-signature';
export type { StorySignature } from './stories/story-signature';
export { MAX_STORY_CANDIDATES, SAME_STORY_THRESHOLD, chooseStory } from './stories/choose-story';
export type { StoryCandidate, StoryMatch } from './stories/choose-story';
