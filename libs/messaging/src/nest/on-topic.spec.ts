import { PATTERN_EXTRAS_METADATA, PATTERN_METADATA } from '@nestjs/microservices/constants';
import { Topic } from '@newsflow/contracts';
import type { ArticleFetchedV1, ArticleParsedV1 } from '@newsflow/contracts';
import { OnTopic, OnTopicBatch } from './on-topic';

class Consumer {
  readonly seen: unknown[] = [];

  @OnTopic(Topic.ArticleParsed)
  async onArticleParsed(article: ArticleParsedV1): Promise<void> {
    this.seen.push(await Promise.resolve(article));
  }

  @OnTopicBatch(Topic.ArticleFetched)
  async onArticlesFetched(batch: ArticleFetchedV1[]): Promise<void> {
    this.seen.push(...(await Promise.resolve(batch)));
  }
}

describe('OnTopic and OnTopicBatch', () => {
  const metadata = (key: string, method: keyof Consumer): unknown =>
    Reflect.getMetadata(key, Consumer.prototype[method]);

  it('register the topic as the handler pattern, batch handlers with the batch flag', () => {
    expect(metadata(PATTERN_METADATA, 'onArticleParsed')).toEqual([Topic.ArticleParsed]);
    expect(metadata(PATTERN_EXTRAS_METADATA, 'onArticleParsed')).toEqual({});
    expect(metadata(PATTERN_METADATA, 'onArticlesFetched')).toEqual([Topic.ArticleFetched]);
    expect(metadata(PATTERN_EXTRAS_METADATA, 'onArticlesFetched')).toEqual({ batch: true });
  });

  it('do not compile on a method typed for another topic (checked by `npm run typecheck`)', () => {
    class WrongTopic {
      // @ts-expect-error a fetched page is not a parsed article
      @OnTopic(Topic.ArticleParsed)
      async onArticleParsed(page: ArticleFetchedV1): Promise<void> {
        await Promise.resolve(page);
      }

      // @ts-expect-error a batch handler takes an array of the topic's payloads
      @OnTopicBatch(Topic.ArticleFetched)
      async onArticlesFetched(page: ArticleFetchedV1): Promise<void> {
        await Promise.resolve(page);
      }
    }
    expect(new WrongTopic()).toBeInstanceOf(WrongTopic);
  });
});
