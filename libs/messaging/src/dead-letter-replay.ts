import { createHash } from 'node:crypto';
import {
  ALL_ARTICLE_TOPICS,
  DEAD_LETTER_REPLAYS_TOPIC,
  deadLetterTopicOf,
} from '@newsflow/contracts';
import type { ArticleTopic, DeadLetterTopic, DeadLetterV1 } from '@newsflow/contracts';
import { Partitioners } from 'kafkajs';
import type { IHeaders, Kafka, Producer } from 'kafkajs';
import { TOPIC_COMPRESSION } from './compression';

/** The header a replayed message carries: the id of the dead letter it was replayed from. */
export const REPLAYED_FROM_HEADER = 'newsflow-replayed-from';

/** Where a dead letter is: its dead-letter topic, partition and offset. */
export interface DeadLetterId {
  topic: DeadLetterTopic;
  partition: number;
  offset: string;
}

/** A text that does not name a dead letter; the message says why. */
export class InvalidDeadLetterIdError extends Error {
  override readonly name = 'InvalidDeadLetterIdError';
}

/** A letter that cannot be replayed; the message says why. */
export class ReplayRefusedError extends Error {
  override readonly name = 'ReplayRefusedError';
}

const DEAD_LETTER_TOPICS: readonly string[] = ALL_ARTICLE_TOPICS.map((t) => deadLetterTopicOf(t));
const MAX_PARTITION = 2 ** 31 - 1;
const MAX_OFFSET = 2n ** 63n - 1n;

/** `<dead-letter topic>:<partition>:<offset>`, e.g. `news.article.fetched.v1.dlq:0:42`. */
export function formatDeadLetterId({ topic, partition, offset }: DeadLetterId): string {
  return `${topic}:${partition}:${offset}`;
}

/**
 * Reads `<dead-letter topic>:<partition>:<offset>` (topic names cannot hold a colon). The
 * numbers are given back in their plain form (`007` is `7`), so one letter has one id.
 */
export function parseDeadLetterId(text: string): DeadLetterId {
  const parts = text.trim().split(':');
  const [topic = '', partition = '', offset = ''] = parts;
  const shape = `"${text}" is not a dead letter id: <dead-letter topic>:<partition>:<offset>, e.g. ${DEAD_LETTER_TOPICS[0] ?? ''}:0:42`;
  if (parts.length !== 3) throw new InvalidDeadLetterIdError(shape);
  if (!DEAD_LETTER_TOPICS.includes(topic)) {
    const hint = (ALL_ARTICLE_TOPICS as readonly string[]).includes(topic)
      ? `${topic} is an article topic: a dead letter id names its ${topic}.dlq`
      : `${topic} is not a dead-letter topic (${DEAD_LETTER_TOPICS.join(', ')})`;
    throw new InvalidDeadLetterIdError(`${shape}; ${hint}`);
  }
  if (!/^\d{1,10}$/.test(partition) || Number(partition) > MAX_PARTITION)
    throw new InvalidDeadLetterIdError(`${shape}; the partition must be a whole number`);
  if (!/^\d{1,19}$/.test(offset) || BigInt(offset) > MAX_OFFSET)
    throw new InvalidDeadLetterIdError(`${shape}; the offset must be a whole number`);
  return {
    topic: topic as DeadLetterTopic,
    partition: Number(partition),
    offset: BigInt(offset).toString(),
  };
}

/** The message a letter was made from, ready to publish again to `topic`. */
export interface OriginalMessage {
  topic: ArticleTopic;
  key: string | null;
  value: Buffer;
  headers: IHeaders;
}

/**
 * The original message of a letter, as `buildDeadLetter` kept it: its key, its bytes and its
 * headers, plus REPLAYED_FROM_HEADER naming the letter. Throws ReplayRefusedError when the
 * letter does not hold the whole original (`originalTruncated`, or bytes that do not match
 * the size and hash it recorded), or names a topic that is not an article topic: what went
 * back would not be the message that failed.
 */
export function restoreOriginal(id: DeadLetterId, letter: DeadLetterV1): OriginalMessage {
  const topic = ALL_ARTICLE_TOPICS.find((t) => t === letter.topic);
  if (!topic || deadLetterTopicOf(topic) !== id.topic)
    throw new ReplayRefusedError(
      `its original topic ${letter.topic} is not the article topic of ${id.topic}`,
    );
  const value = Buffer.from(letter.originalValue, 'base64');
  if (letter.originalTruncated)
    throw new ReplayRefusedError(
      `the letter keeps only part of the original (${value.length} of ` +
        `${letter.originalBytes ?? '?'} bytes, or its key or headers were cut): the whole message is gone`,
    );
  if (letter.originalBytes !== undefined && value.length !== letter.originalBytes)
    throw new ReplayRefusedError(
      `the letter holds ${value.length} bytes of an original of ${letter.originalBytes}`,
    );
  if (
    letter.originalSha256 !== undefined &&
    createHash('sha256').update(value).digest('hex') !== letter.originalSha256
  )
    throw new ReplayRefusedError('the bytes the letter holds do not match its originalSha256');
  const headers: IHeaders = {};
  for (const [name, encoded] of Object.entries(letter.originalHeaders))
    headers[name] = Buffer.from(encoded, 'base64');
  headers[REPLAYED_FROM_HEADER] = Buffer.from(formatDeadLetterId(id));
  return { topic, key: letter.originalKey, value, headers };
}

/** One replay of a letter, as recorded on DEAD_LETTER_REPLAYS_TOPIC under the letter's id. */
export interface DeadLetterReplay {
  /** The letter, as `formatDeadLetterId` gives it: the record's key too. */
  letterId: string;
  /** ISO 8601 UTC. */
  replayedAt: string;
  /** Where the original went back to. */
  topic: string;
  partition: number;
  offset: string;
  /** How many times the letter has been replayed, this time included. */
  times: number;
}

/** A replay record, or undefined for a value that is not one (the topic is not ours alone). */
export function parseDeadLetterReplay(value: Buffer | null): DeadLetterReplay | undefined {
  if (!value) return undefined;
  let record: Partial<Record<keyof DeadLetterReplay, unknown>>;
  try {
    record = JSON.parse(value.toString('utf8')) as typeof record;
  } catch {
    return undefined;
  }
  if (
    typeof record !== 'object' ||
    record === null ||
    typeof record.letterId !== 'string' ||
    typeof record.replayedAt !== 'string' ||
    typeof record.topic !== 'string' ||
    typeof record.partition !== 'number' ||
    typeof record.offset !== 'string' ||
    typeof record.times !== 'number'
  )
    return undefined;
  return record as DeadLetterReplay;
}

/**
 * Publishes letters' originals back to their topics and records each replay. The original
 * goes first and the record after it, so a crash between the two leaves a letter replayed but
 * not recorded: a second replay sends it again, which the stages take as they take any
 * redelivery (their writes are idempotent). Same producer settings as EventPublisher: the
 * key lands on the partition it first landed on, while the topic keeps its partitions.
 */
export class DeadLetterReplayer {
  private readonly producer: Producer;
  private connected = false;

  constructor(kafka: Kafka) {
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
  }

  /**
   * Sends the letter's original back (see restoreOriginal; throws ReplayRefusedError) and then
   * the record of it, `previous` being the letter's last replay, if any.
   */
  async replay(
    id: DeadLetterId,
    letter: DeadLetterV1,
    previous?: DeadLetterReplay,
    now: Date = new Date(),
  ): Promise<DeadLetterReplay> {
    const original = restoreOriginal(id, letter);
    if (!this.connected) {
      await this.producer.connect();
      this.connected = true;
    }
    const [sent] = await this.producer.send({
      topic: original.topic,
      acks: -1,
      compression: TOPIC_COMPRESSION,
      messages: [{ key: original.key, value: original.value, headers: original.headers }],
    });
    const letterId = formatDeadLetterId(id);
    const replay: DeadLetterReplay = {
      letterId,
      replayedAt: now.toISOString(),
      topic: original.topic,
      partition: sent?.partition ?? -1,
      offset: sent?.baseOffset ?? '-1',
      times: (previous?.times ?? 0) + 1,
    };
    await this.producer.send({
      topic: DEAD_LETTER_REPLAYS_TOPIC,
      acks: -1,
      compression: TOPIC_COMPRESSION,
      messages: [{ key: letterId, value: JSON.stringify(replay) }],
    });
    return replay;
  }

  async disconnect(): Promise<void> {
    if (!this.connected) return;
    this.connected = false;
    await this.producer.disconnect();
  }
}
