import { randomUUID } from 'node:crypto';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { INestMicroservice } from '@nestjs/common';
import { Topic, exampleArticleFetched, exampleArticleParsed } from '@newsflow/contracts';
import type { ArticleFetchedV1, ArticleParsedV1 } from '@newsflow/contracts';
import { readDeadLetters, waitFor } from '@newsflow/testing';
import type { Kafka } from 'kafkajs';
import { UnprocessableError } from '@newsflow/runtime';
import { createKafka } from '../src/kafka-client';
import { jsonLogger } from '@newsflow/runtime';
import { BATCH, KafkaStageTransport } from '../src/nest/kafka-stage.transport';
import { StageContext } from '../src/nest/stage-context';
import { StageConsumer } from '../src/nest/stage-errors.filter';
import { EventPublisher } from '../src/publisher';
import { ensureTopics } from '../src/topic-admin';

const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const logger = jsonLogger('test', 'error');
const prefix = `nest-${randomUUID()}`;

/** What the handlers saw, shared with the test through module scope. */
const seen = { fetched: [] as string[], offsets: [] as string[], parsedBatches: [] as string[][] };

@StageConsumer()
class ProbeController {
  @EventPattern(Topic.ArticleFetched)
  onArticleFetched(@Payload() article: ArticleFetchedV1, @Ctx() ctx: StageContext): void {
    if (!article.id.startsWith(prefix)) return;
    if (article.id.endsWith('unprocessable')) throw new UnprocessableError('nothing to parse');
    seen.fetched.push(article.id);
    seen.offsets.push(ctx.events[0]?.offset ?? 'none');
  }

  @EventPattern(Topic.ArticleParsed, BATCH)
  onArticlesParsed(@Payload() articles: ArticleParsedV1[]): void {
    const ours = articles.filter((a) => a.id.startsWith(prefix)).map((a) => a.id);
    if (ours.length > 0) seen.parsedBatches.push(ours);
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

describe(KafkaStageTransport.name, () => {
  let kafka: Kafka;
  let publisher: EventPublisher;
  let app: INestMicroservice;

  beforeAll(async () => {
    kafka = createKafka({ brokers, clientId: 'transport-int-spec' }, logger);
    await ensureTopics(kafka, { partitions: 3 });
    publisher = new EventPublisher(kafka);
    app = await NestFactory.createMicroservice(ProbeModule, {
      strategy: new KafkaStageTransport({
        kafka,
        publisher,
        logger,
        stage: 'probe',
        groupId: `probe-${prefix}`,
      }),
      logger: false,
    });
    await app.listen();
  });

  afterAll(async () => {
    await app.close();
    await publisher.disconnect();
  });

  it('delivers validated payloads to @EventPattern handlers with their Kafka context', async () => {
    const ids = [1, 2, 3].map((i) => `${prefix}-${i}`);
    await publisher.publishMany(
      Topic.ArticleFetched,
      ids.map((id) => ({ key: id, value: { ...exampleArticleFetched, id } })),
    );
    await waitFor('three articles', () => (seen.fetched.length >= 3 ? true : undefined));
    expect([...seen.fetched].sort()).toEqual(ids);
    expect(seen.offsets.every((o) => /^\d+$/.test(o))).toBe(true);
  });

  it('hands a BATCH handler arrays of payloads', async () => {
    const ids = [1, 2, 3, 4].map((i) => `${prefix}-parsed-${i}`);
    await publisher.publishMany(
      Topic.ArticleParsed,
      ids.map((id) => ({ key: id, value: { ...exampleArticleParsed, id } })),
    );
    await waitFor('four parsed articles', () =>
      seen.parsedBatches.flat().length >= 4 ? true : undefined,
    );
    expect(seen.parsedBatches.flat().sort()).toEqual(ids);
    expect(seen.parsedBatches.every((batch) => Array.isArray(batch))).toBe(true);
  });

  it('dead-letters what a handler rejects instead of redelivering it for ever', async () => {
    const id = `${prefix}-unprocessable`;
    const after = `${prefix}-after`;
    await publisher.publish(Topic.ArticleFetched, id, { ...exampleArticleFetched, id });
    await publisher.publish(Topic.ArticleFetched, after, { ...exampleArticleFetched, id: after });
    await waitFor('the article after the rejected one', () =>
      seen.fetched.includes(after) ? true : undefined,
    );

    const letters = await readDeadLetters(
      kafka,
      `${Topic.ArticleFetched}.dlq`,
      (letter) => letter.originalKey === id,
      { atLeast: 1 },
    );
    expect(letters[0]).toMatchObject({
      stage: 'probe',
      error: { code: 'unprocessable', message: 'nothing to parse' },
    });
    expect(seen.fetched).not.toContain(id);
  });
});
