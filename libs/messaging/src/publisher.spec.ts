import {
  InvalidEventError,
  Topic,
  exampleArticleFetched,
  exampleArticleParsed,
} from '@newsflow/contracts';
import type { ArticleParsedV1 } from '@newsflow/contracts';
import { Kafka } from 'kafkajs';
import { EventPublisher } from './publisher';

describe(EventPublisher.name, () => {
  // Nothing listens on port 1: a test that reached the network would fail, not pass.
  const publisher = new EventPublisher(new Kafka({ brokers: ['127.0.0.1:1'] }));

  it('rejects a payload that breaks its topic schema before touching the broker', async () => {
    const broken = { ...exampleArticleParsed, title: undefined } as unknown as ArticleParsedV1;
    await expect(publisher.publish(Topic.ArticleParsed, 'id-1', broken)).rejects.toThrow(
      InvalidEventError,
    );
    await expect(publisher.publish(Topic.ArticleParsed, 'id-1', broken)).rejects.toThrow(
      /title is required/,
    );
  });

  it('does not compile when a payload is published to the wrong topic', () => {
    const wrongTopic = () =>
      // @ts-expect-error a fetched article is not a parsed one
      publisher.publish(Topic.ArticleParsed, exampleArticleFetched.id, exampleArticleFetched);
    expect(typeof wrongTopic).toBe('function');
  });
});
