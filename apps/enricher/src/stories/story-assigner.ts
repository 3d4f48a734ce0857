import { Inject, Injectable } from '@nestjs/common';
import { MAX_STORY_CANDIDATES, chooseStory, storySignature } from '@newsflow/enrichment';
import { StoriesRepository } from '@newsflow/persistence';

/** The story fields of an enriched message. */
export interface StoryFields {
  storyId: string;
  storySimilarity: number;
}

/**
 * Gives an article its story: the MinHash signature of its body (enrichment, pure), then the
 * index in Postgres (StoriesRepository.assign: candidates through the LSH bands, the first seen
 * names the story, a redelivered article keeps its story). A body under MIN_STORY_WORDS words
 * gets none: the message then has no storyId.
 */
@Injectable()
export class StoryAssigner {
  constructor(@Inject(StoriesRepository) private readonly stories: StoriesRepository) {}

  async storyOf(article: { id: string; bodyText: string }): Promise<StoryFields | null> {
    const keys = storySignature(article.bodyText);
    if (keys === null) return null;
    const assigned = await this.stories.assign(
      article.id,
      keys,
      (candidates) => chooseStory(keys.signature, candidates),
      MAX_STORY_CANDIDATES,
    );
    return { storyId: assigned.storyId, storySimilarity: assigned.similarity };
  }
}
