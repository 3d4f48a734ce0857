import { createHash, randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { Topic, exampleArticleFetched, exampleArticleParsed } from '@newsflow/contracts';
import type { ArticleFetchedV1, DeadLetterV1 } from '@newsflow/contracts';
import { REPO_ROOT, readDeadLetters, spawnNode, waitFor } from '@newsflow/testing';
import type { RunningProcess } from '@newsflow/testing';
import type { Kafka, Producer } from 'kafkajs';
import { ConsumerRunner } from '../src/consumer-runner';
import type { InboundEvent, StageHandler } from '../src/consumer-runner';
import { UnprocessableError } from '@newsflow/runtime';
import { createKafka } from '../src/kafka-client';
import { jsonLogger } from '@newsflow/runtime';
import { EventPublisher } from '../src/publisher';
import { ensureTopics } from '../src/topic-admin';

const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const logger = jsonLogger('test', 'error');
const CHILD = resolve(REPO_ROOT, 'dist/libs/messaging/test/consumer-process.js');

/** Every test works on its own ids and consumer group; topics are shared, so handlers filter. */
function fetched(id: string): ArticleFetchedV1 {
  return { ...exampleArticleFetched, id, body: `<p>${id}</p>` };
}

/** A handler that records, in order, the ids of the messages that belong to one test. */
function recordIds(prefix: string, into: string[]): StageHandler<ArticleFetchedV1> {
  return {
    each: ({ value }) => {
      if (value.id.startsWith(prefix)) into.push(value.id);
      return Promise.resolve();
    },
  };
}

describe(ConsumerRunner.name, () => {
  let kafka: Kafka;
  let publisher: EventPublisher;
  let rawProducer: Producer;
  const runners: ConsumerRunner<typeof Topic.ArticleFetched>[] = [];
  const children: RunningProcess[] = [];

  beforeAll(async () => {
    kafka = createKafka({ brokers, clientId: 'runner-int-spec' }, logger);
    await ensureTopics(kafka, { partitions: 3 });
    publisher = new EventPublisher(kafka);
    rawProducer = kafka.producer();
    await rawProducer.connect();
  });

  afterEach(async () => {
    await Promise.all(runners.splice(0).map((r) => r.stop()));
    await Promise.all(children.splice(0).map((c) => c.stop('SIGKILL')));
  });

  afterAll(async () => {
    await publisher.disconnect();
    await rawProducer.disconnect();
  });

  async function startRunner(
    prefix: string,
    handler: StageHandler<ArticleFetchedV1>,
    opts: { groupId?: string; maxAttempts?: number } = {},
  ): Promise<ConsumerRunner<typeof Topic.ArticleFetched>> {
    const runner = new ConsumerRunner({
      kafka,
      publisher,
      logger,
      stage: `stage-${prefix}`,
      groupId: opts.groupId ?? `group-${prefix}`,
      topic: Topic.ArticleFetched,
      handler,
      maxAttempts: opts.maxAttempts ?? 3,
      backoff: { initialDelayMs: 20, maxDelayMs: 100, factor: 2 },
      // The broker's minimum; spares the killed-consumer test most of the 30 s default.
      sessionTimeoutMs: 6_000,
    });
    runners.push(runner);
    const assigned = runner.waitUntilAssigned();
    await runner.start();
    await assigned;
    return runner;
  }

  /**
   * The dead letters one test's stage wrote, once every one of `keys` has one. Each runner reads
   * the shared topic from its start, so it also dead-letters earlier tests' poison messages:
   * wait for this test's keys, not for a count.
   */
  function deadLettersOf(stage: string, keys: string[]): Promise<DeadLetterV1[]> {
    return readDeadLetters(kafka, `${Topic.ArticleFetched}.dlq`, (l) => l.stage === stage, {
      keys,
    });
  }

  async function committedOffsets(groupId: string): Promise<Map<number, string>> {
    const admin = kafka.admin();
    await admin.connect();
    try {
      const [entry] = await admin.fetchOffsets({ groupId, topics: [Topic.ArticleFetched] });
      return new Map((entry?.partitions ?? []).map((p) => [p.partition, p.offset]));
    } finally {
      await admin.disconnect();
    }
  }

  it('consumes a published batch and commits past every message', async () => {
    const prefix = `batch-${randomUUID()}`;
    const ids = Array.from({ length: 30 }, (_, i) => `${prefix}-${i}`);
    await publisher.publishMany(
      Topic.ArticleFetched,
      ids.map((id) => ({ key: id, value: fetched(id) })),
    );
    const seen: InboundEvent<ArticleFetchedV1>[] = [];
    await startRunner(prefix, {
      each: (event) => {
        if (event.value.id.startsWith(prefix)) seen.push(event);
        return Promise.resolve();
      },
    });
    await waitFor('all 30 messages', () => (seen.length >= ids.length ? true : undefined));
    expect(seen.map((e) => e.value.id).sort()).toEqual([...ids].sort());
    expect(seen.every((e) => e.key === e.value.id)).toBe(true);

    // Committed offsets reach the end of every partition that holds our messages.
    const admin = kafka.admin();
    await admin.connect();
    const ends = await admin.fetchTopicOffsets(Topic.ArticleFetched);
    await admin.disconnect();
    await waitFor('commits to reach the end', async () => {
      const committed = await committedOffsets(`group-${prefix}`);
      const lagging = ends.filter((p) => committed.get(p.partition) !== p.offset);
      return lagging.length === 0 ? true : undefined;
    });
  });

  it('dead-letters a poison message with its bytes and reason, then processes the ones after it', async () => {
    const prefix = `poison-${randomUUID()}`;
    const before = fetched(`${prefix}-before`);
    const after = fetched(`${prefix}-after`);
    const notJson = Buffer.from(`{"id":"${prefix}-broken", not json`);
    const wrongShape = Buffer.from(
      JSON.stringify({ ...fetched(`${prefix}-wrong`), format: 'pdf' }),
    );
    // One partition, in this order, so "the messages after it" is well defined.
    await rawProducer.send({
      topic: Topic.ArticleFetched,
      messages: [
        { key: before.id, value: JSON.stringify(before), partition: 0 },
        { key: `${prefix}-broken`, value: notJson, partition: 0 },
        { key: `${prefix}-wrong`, value: wrongShape, partition: 0 },
        { key: after.id, value: JSON.stringify(after), partition: 0 },
      ],
    });
    const handled: string[] = [];
    await startRunner(prefix, recordIds(prefix, handled));
    await waitFor('the message after the poison', () =>
      handled.includes(after.id) ? true : undefined,
    );
    expect(handled).toEqual([before.id, after.id]);

    const letters = await deadLettersOf(`stage-${prefix}`, [`${prefix}-broken`, `${prefix}-wrong`]);
    const byKey = new Map(letters.map((l) => [l.originalKey, l]));
    const broken = byKey.get(`${prefix}-broken`);
    expect(broken).toMatchObject({
      topic: Topic.ArticleFetched,
      partition: 0,
      stage: `stage-${prefix}`,
      attempts: 1,
      error: { code: 'invalid-json' },
    });
    expect(Buffer.from(broken?.originalValue ?? '', 'base64')).toEqual(notJson);
    const wrong = byKey.get(`${prefix}-wrong`);
    expect(wrong?.error.code).toBe('schema-violation');
    expect(wrong?.error.message).toContain('format');
    expect(Buffer.from(wrong?.originalValue ?? '', 'base64')).toEqual(wrongShape);
    expect(Number(wrong?.offset)).toBe(Number(broken?.offset) + 1);
  });

  it('dead-letters an unprocessable message at once and a failing one after its attempts', async () => {
    const prefix = `failing-${randomUUID()}`;
    const ids = [`${prefix}-unprocessable`, `${prefix}-always-fails`, `${prefix}-fine`];
    await publisher.publishMany(
      Topic.ArticleFetched,
      ids.map((id) => ({ key: id, value: fetched(id) })),
    );
    const calls = new Map<string, number>();
    await startRunner(
      prefix,
      {
        each: ({ value }) => {
          if (!value.id.startsWith(prefix)) return Promise.resolve();
          calls.set(value.id, (calls.get(value.id) ?? 0) + 1);
          if (value.id.endsWith('unprocessable')) throw new UnprocessableError('no article text');
          if (value.id.endsWith('always-fails')) throw new Error('boom');
          return Promise.resolve();
        },
      },
      { maxAttempts: 3 },
    );
    const letters = await deadLettersOf(`stage-${prefix}`, [
      `${prefix}-unprocessable`,
      `${prefix}-always-fails`,
    ]);
    const byKey = new Map(letters.map((l) => [l.originalKey, l]));
    expect(byKey.get(`${prefix}-unprocessable`)).toMatchObject({
      attempts: 1,
      error: { code: 'unprocessable', message: 'no article text' },
    });
    expect(byKey.get(`${prefix}-always-fails`)).toMatchObject({
      attempts: 3,
      error: { code: 'retries-exhausted', message: 'boom' },
    });
    await waitFor('the healthy message', () => (calls.has(`${prefix}-fine`) ? true : undefined));
    // Per delivery: one try for the unprocessable message, three for the failing one. A
    // redelivery (at least once) repeats both the tries and the letter.
    const lettersFor = (key: string) => letters.filter((l) => l.originalKey === key).length;
    expect(calls.get(`${prefix}-unprocessable`)).toBe(lettersFor(`${prefix}-unprocessable`));
    expect(calls.get(`${prefix}-always-fails`)).toBe(3 * lettersFor(`${prefix}-always-fails`));
  });

  it('retries a handler that fails twice, then produces its output once and commits', async () => {
    const prefix = `retry-${randomUUID()}`;
    const id = `${prefix}-flaky`;
    await publisher.publish(Topic.ArticleFetched, id, fetched(id));
    let calls = 0;
    await startRunner(prefix, {
      each: async ({ value }) => {
        if (value.id !== id) return;
        calls += 1;
        if (calls <= 2) throw new Error(`transient failure ${calls}`);
        await publisher.publish(Topic.ArticleParsed, id, { ...exampleArticleParsed, id });
      },
    });

    const outputs: string[] = [];
    const reader = kafka.consumer({ groupId: `reader-${prefix}` });
    await reader.connect();
    await reader.subscribe({ topic: Topic.ArticleParsed, fromBeginning: true });
    await reader.run({
      eachMessage: ({ message }) => {
        if (message.key?.toString() === id) outputs.push(id);
        return Promise.resolve();
      },
    });
    try {
      await waitFor('the output of the third attempt', () =>
        outputs.length > 0 ? true : undefined,
      );
      // Nothing more arrives: the message was not handled again after it succeeded.
      await new Promise((r) => setTimeout(r, 1_000));
      expect(calls).toBe(3);
      expect(outputs).toEqual([id]);
    } finally {
      await reader.disconnect();
    }
    const committed = await committedOffsets(`group-${prefix}`);
    expect([...committed.values()].some((offset) => Number(offset) > 0)).toBe(true);
  });

  it('gives a consumer killed before committing its uncommitted messages to the next one', async () => {
    const prefix = `killed-${randomUUID()}`;
    const groupId = `group-${prefix}`;
    const ids = Array.from({ length: 5 }, (_, i) => `${prefix}-${i}`);
    await rawProducer.send({
      topic: Topic.ArticleFetched,
      messages: ids.map((id) => ({ key: id, value: JSON.stringify(fetched(id)), partition: 1 })),
    });
    const child = spawnNode(CHILD, [], {
      ...process.env,
      KAFKA_BROKERS: brokers.join(','),
      GROUP_ID: groupId,
      PREFIX: prefix,
      MODE: 'hang',
    });
    children.push(child);
    await waitFor(
      'the child to take a message',
      () => (child.output().includes('"got"') ? true : undefined),
      {
        timeoutMs: 60_000,
      },
    );
    const killed = await child.stop('SIGKILL');
    expect(killed.signal).toBe('SIGKILL');

    const seen: string[] = [];
    await startRunner(prefix, recordIds(prefix, seen), { groupId });
    await waitFor('all messages again', () => (seen.length >= ids.length ? true : undefined), {
      timeoutMs: 60_000,
    });
    expect(seen).toEqual(ids);
  });

  it('on SIGTERM finishes the message in hand, commits what is done and exits', async () => {
    const prefix = `sigterm-${randomUUID()}`;
    const groupId = `group-${prefix}`;
    const ids = Array.from({ length: 12 }, (_, i) => `${prefix}-${String(i).padStart(2, '0')}`);
    await rawProducer.send({
      topic: Topic.ArticleFetched,
      messages: ids.map((id) => ({ key: id, value: JSON.stringify(fetched(id)), partition: 2 })),
    });
    const child = spawnNode(CHILD, [], {
      ...process.env,
      KAFKA_BROKERS: brokers.join(','),
      GROUP_ID: groupId,
      PREFIX: prefix,
      MODE: 'slow',
      DELAY_MS: '300',
    });
    children.push(child);
    const lines = () =>
      child
        .output()
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as { event: string; id?: string });
    await waitFor(
      'three finished messages',
      () => (lines().filter((l) => l.event === 'done').length >= 3 ? true : undefined),
      {
        timeoutMs: 60_000,
      },
    );
    const exit = await child.stop('SIGTERM');
    expect(exit.code).toBe(0);
    const events = lines();
    const done = events.filter((l) => l.event === 'done').map((l) => l.id);
    const got = events.filter((l) => l.event === 'got').map((l) => l.id);
    // The message in hand at SIGTERM was finished, not abandoned, and the rest were left.
    expect(done).toEqual(got);
    expect(done.length).toBeLessThan(ids.length);
    expect(done).toEqual(ids.slice(0, done.length));

    const seen: string[] = [];
    await startRunner(prefix, recordIds(prefix, seen), { groupId });
    await waitFor('the rest', () => (seen.length >= ids.length - done.length ? true : undefined), {
      timeoutMs: 60_000,
    });
    await new Promise((r) => setTimeout(r, 500));
    // Exactly the messages the first consumer had not finished: none twice, none lost.
    expect(seen).toEqual(ids.slice(done.length));
  });

  it('dead-letters a message too large to copy whole with its first bytes, then goes on', async () => {
    const prefix = `huge-${randomUUID()}`;
    const after = fetched(`${prefix}-after`);
    // Last: every later runner reads the topic from its start and would copy it again.
    // Not JSON, and 9 MiB: within the topic's 10 MiB, but 12 MiB as base64, over the 11 MiB
    // dead-letter limit. Another producer than ours can send it; ours refuses it.
    const huge = Buffer.alloc(9 * 1024 * 1024, 'x');
    await rawProducer.send({
      topic: Topic.ArticleFetched,
      messages: [
        { key: `${prefix}-huge`, value: huge, partition: 1 },
        { key: after.id, value: JSON.stringify(after), partition: 1 },
      ],
    });
    const handled: string[] = [];
    await startRunner(prefix, recordIds(prefix, handled));
    await waitFor('the message after the huge one', () =>
      handled.includes(after.id) ? true : undefined,
    );

    // The runner reads the shared topic from its start: earlier suites' poison messages are
    // dead-lettered by it too, so pick this message's letter by its key.
    const letter = (await deadLettersOf(`stage-${prefix}`, [`${prefix}-huge`])).find(
      (l) => l.originalKey === `${prefix}-huge`,
    );
    expect(letter).toMatchObject({
      error: { code: 'invalid-json' },
      originalBytes: huge.length,
      originalSha256: createHash('sha256').update(huge).digest('hex'),
      originalTruncated: true,
    });
    const kept = Buffer.from(letter?.originalValue ?? '', 'base64');
    expect(kept.length).toBeGreaterThan(8 * 1024 * 1024);
    expect(kept.equals(huge.subarray(0, kept.length))).toBe(true);
  });
});
