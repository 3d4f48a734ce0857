import {
  InvalidEventError,
  Topic,
  exampleArticleFetched,
  exampleArticleParsed,
} from '@newsflow/contracts';
import type { ArticleFetchedV1, ArticleParsedV1 } from '@newsflow/contracts';
import { Kafka } from 'kafkajs';
import { classifyFailure } from '@newsflow/runtime';
import { MessageTooLargeError } from './errors';
import { messageLimits } from './message-limits';
import { EventPublisher, PublisherClosedError } from './publisher';

/** A fetched page whose value, as JSON, is exactly `bytes` long. */
function pageOfJsonBytes(bytes: number): ArticleFetchedV1 {
  const empty = { ...exampleArticleFetched, body: '' };
  const overhead = Buffer.byteLength(JSON.stringify(empty));
  return { ...empty, body: 'x'.repeat(bytes - overhead) };
}

describe(EventPublisher.name, () => {
  // Nothing listens on port 1: a test that reached the network would fail, not pass.
  const kafka = new Kafka({ brokers: ['127.0.0.1:1'] });
  const limits = messageLimits(1024 * 1024);
  const publisher = new EventPublisher(kafka, { limits });

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

  it('takes a value of exactly the limit, as JSON bytes, and refuses one byte more for good', () => {
    const atLimit = publisher.prepare(
      Topic.ArticleFetched,
      'k',
      pageOfJsonBytes(limits.valueBytes),
    );
    expect(atLimit.value.length).toBe(1024 * 1024);

    const over = () =>
      publisher.prepare(Topic.ArticleFetched, 'k', pageOfJsonBytes(limits.valueBytes + 1));
    expect(over).toThrow(MessageTooLargeError);
    expect(over).toThrow(
      'too-large-for-topic: the message for k is 1048577 bytes as JSON, over the 1048576-byte limit of news.article.fetched.v1 (KAFKA_MAX_MESSAGE_BYTES)',
    );
    let refusal: unknown;
    try {
      over();
    } catch (error) {
      refusal = error;
    }
    expect(classifyFailure(refusal)).toEqual({ kind: 'permanent', code: 'unprocessable' });
  });

  it('counts multi-byte characters and JSON escapes in the limit, not string length', () => {
    const quotes = pageOfJsonBytes(limits.valueBytes);
    // Each '"' is two bytes as JSON; each 'é' two bytes of UTF-8: the same length in characters.
    const escaped = { ...quotes, body: `${quotes.body.slice(2)}"` };
    const accented = { ...quotes, body: `${quotes.body.slice(1)}é` };
    expect(escaped.body.length).toBe(quotes.body.length - 1);
    expect(() => publisher.prepare(Topic.ArticleFetched, 'k', escaped)).not.toThrow();
    expect(() => publisher.prepare(Topic.ArticleFetched, 'k', accented)).toThrow(
      MessageTooLargeError,
    );
  });

  it('gives dead-letter topics room for a base64 copy of the largest message', () => {
    expect(publisher.maxValueBytes(Topic.ArticleFetched)).toBe(limits.valueBytes);
    expect(publisher.maxValueBytes(`${Topic.ArticleFetched}.dlq`)).toBeGreaterThanOrEqual(
      Math.ceil((limits.valueBytes * 4) / 3),
    );
  });

  it('refuses to send once closed, and tells the callers of queued messages', async () => {
    const closing = new EventPublisher(kafka, { limits });
    await closing.disconnect();
    const message = closing.prepare(Topic.ArticleFetched, 'k', exampleArticleFetched);
    await expect(closing.send(message)).rejects.toThrow(PublisherClosedError);
  });
});
