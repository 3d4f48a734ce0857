/** One copy of a story, as `GET /stories/:id` lists it. */
export interface StoryCopy {
  id: string;
  url: string | null;
  title: string;
  source: { id: string; kind: string; name: string };
  publishedAt: string | null;
  /** When the store first wrote the copy. */
  firstStoredAt: string;
  /** Estimated similarity to the story's first article (1 for that article). */
  similarity: number;
}

/**
 * `GET /stories/:id`: the story's copies in the order they were first stored, the first
 * MAX_STORY_COPIES of them; `copies` counts all (`GET /articles?story=` pages through them).
 */
export interface Story {
  id: string;
  copies: number;
  /** Distinct sources among all the copies. */
  sources: number;
  firstStoredAt: string;
  lastStoredAt: string;
  articles: StoryCopy[];
}
