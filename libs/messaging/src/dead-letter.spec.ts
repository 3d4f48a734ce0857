import { createHash } from 'node:crypto';
import { Topic, assertValid, deadLetterTopicOf } from '@newsflow/contracts';
import type { DeadLetterV1 } from '@newsflow/contracts';
import { Kafka } from 'kafkajs';
import type { KafkaMessage } from 'kafkajs';
import {
  MAX_DEAD_LETTER_HEADERS_BYTES,
  MAX_DEAD_LETTER_KEY_CHARS,
  MAX_DEAD_LETTER_REASON_CHARS,
  buildDeadLetter,
} from './dead-letter';
import type { FailedDelivery } from './dead-letter';
import { DEFAULT_MESSAGE_LIMITS } from './message-limits';
import { EventPublisher } from './publisher';

const MIB = 1024 * 1024;
const DLQ = deadLetterTopicOf(Topic.ArticleFetched);
/** Roomy: for the tests that are not about the value's size. */
const LIMIT = DEFAULT_MESSAGE_LIMITS.deadLetterValueBytes;

function failure(message: Partial<KafkaMessage>, reason = 'no article text'): FailedDelivery {
  return {
    message: {
      key: Buffer.from('page-1'),
      value: null,
      offset: '42',
      headers: {},
      ...message,
    } as KafkaMessage,
    topic: Topic.ArticleFetched,
    partition: 2,
    stage: 'parser',
    code: 'unprocessable',
    reason,
    attempts: 1,
    failedAt: new Date('2026-01-02T03:04:05.000Z'),
  };
}

const jsonBytes = (letter: DeadLetterV1) => Buffer.byteLength(JSON.stringify(letter));
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const kept = (letter: DeadLetterV1) => Buffer.from(letter.originalValue, 'base64');
/** Whether the letter holds `expected` as its original; jest's toEqual takes minutes over MiBs. */
const keeps = (letter: DeadLetterV1, expected: Buffer) => kept(letter).equals(expected);

describe(buildDeadLetter.name, () => {
  it('keeps a small original whole, with its size and hash, in a letter the contract accepts', () => {
    const value = Buffer.from([0, 255, 10, 123]);
    const letter = buildDeadLetter(
      failure({ value, headers: { trace: Buffer.from('t-1'), skipped: undefined } }),
      LIMIT,
    );

    expect(letter).toEqual({
      schemaVersion: 1,
      originalValue: value.toString('base64'),
      originalBytes: 4,
      originalSha256: sha256(value),
      originalTruncated: false,
      originalKey: 'page-1',
      originalHeaders: { trace: Buffer.from('t-1').toString('base64') },
      topic: Topic.ArticleFetched,
      partition: 2,
      offset: '42',
      stage: 'parser',
      error: { code: 'unprocessable', message: 'no article text' },
      attempts: 1,
      failedAt: '2026-01-02T03:04:05.000Z',
    });
    expect(() => assertValid(DLQ, letter)).not.toThrow();
  });

  it('keeps the original whole in a letter of exactly the limit, and cuts it one byte under', () => {
    const value = Buffer.alloc(100_000, 'p');
    const size = jsonBytes(buildDeadLetter(failure({ value }), LIMIT));

    const atLimit = buildDeadLetter(failure({ value }), size);
    expect(jsonBytes(atLimit)).toBe(size);
    expect(atLimit.originalTruncated).toBe(false);
    expect(keeps(atLimit, value)).toBe(true);

    const under = buildDeadLetter(failure({ value }), size - 1);
    expect(jsonBytes(under)).toBeLessThanOrEqual(size - 1);
    expect(under.originalTruncated).toBe(true);
    expect(under.originalBytes).toBe(100_000);
    expect(under.originalSha256).toBe(sha256(value));
    // Base64 writes 4 characters per 3 bytes or part of 3: one character less of room drops the
    // last group, which held the 100,000th byte alone.
    expect(keeps(under, value.subarray(0, 99_999))).toBe(true);
  });

  it('cuts an original that base64 makes larger than the dead-letter limit, so the publisher takes the letter', () => {
    // 8.5 MiB fits an article topic compressed, but as base64 (11.3 MiB) not the 11 MiB letter.
    const value = Buffer.alloc(8.5 * MIB, 'a');
    value.write('<html>', 0);
    const publisher = new EventPublisher(new Kafka({ brokers: ['127.0.0.1:1'] }));
    const limit = publisher.maxValueBytes(DLQ);

    const letter = buildDeadLetter(failure({ value }), limit);

    expect(limit).toBe(11 * MIB);
    expect(jsonBytes(letter)).toBeLessThanOrEqual(limit);
    expect(jsonBytes(letter)).toBeGreaterThan(limit - 4);
    expect(letter).toMatchObject({
      originalTruncated: true,
      originalBytes: 8.5 * MIB,
      originalSha256: sha256(value),
    });
    expect(keeps(letter, value.subarray(0, kept(letter).length))).toBe(true);
    expect(() => publisher.prepare(DLQ, 'page-1', letter)).not.toThrow();
  });

  it('keeps an original of the largest article value whole under the default limits', () => {
    const value = Buffer.alloc(DEFAULT_MESSAGE_LIMITS.valueBytes, 'b');

    const letter = buildDeadLetter(failure({ value }), LIMIT);

    expect(letter.originalTruncated).toBe(false);
    expect(kept(letter).length).toBe(DEFAULT_MESSAGE_LIMITS.valueBytes);
  });

  it(`keeps a key of ${MAX_DEAD_LETTER_KEY_CHARS} characters and cuts a longer one`, () => {
    const longest = 'k'.repeat(MAX_DEAD_LETTER_KEY_CHARS);

    const whole = buildDeadLetter(failure({ key: Buffer.from(longest) }), LIMIT);
    expect(whole).toMatchObject({ originalKey: longest, originalTruncated: false });

    const cut = buildDeadLetter(failure({ key: Buffer.from(`${longest}k`) }), LIMIT);
    expect(cut).toMatchObject({ originalKey: longest, originalTruncated: true });
  });

  it(`keeps headers up to ${MAX_DEAD_LETTER_HEADERS_BYTES} bytes and leaves out those past it`, () => {
    // A name of 4 bytes and a value of 3 bytes per 4 base64 characters: 16,384 bytes exactly.
    const value = Buffer.alloc(((MAX_DEAD_LETTER_HEADERS_BYTES - 4) / 4) * 3, 'h');
    expect(4 + value.toString('base64').length).toBe(MAX_DEAD_LETTER_HEADERS_BYTES);

    const whole = buildDeadLetter(failure({ headers: { big1: value } }), LIMIT);
    expect(Object.keys(whole.originalHeaders)).toEqual(['big1']);
    expect(whole.originalTruncated).toBe(false);

    const cut = buildDeadLetter(failure({ headers: { big1: value, b: Buffer.from('x') } }), LIMIT);
    expect(Object.keys(cut.originalHeaders)).toEqual(['big1']);
    expect(cut.originalTruncated).toBe(true);
    expect(() => assertValid(DLQ, cut)).not.toThrow();
  });

  it(`keeps ${MAX_DEAD_LETTER_REASON_CHARS} characters of the reason`, () => {
    const reason = 'r'.repeat(MAX_DEAD_LETTER_REASON_CHARS);

    expect(buildDeadLetter(failure({}, reason), LIMIT).error.message).toBe(reason);
    expect(buildDeadLetter(failure({}, `${reason}r`), LIMIT).error.message).toBe(reason);
  });

  it('refuses a limit too small for the letter without its original', () => {
    expect(() => buildDeadLetter(failure({ value: Buffer.from('x') }), 100)).toThrow(
      'a dead letter needs more than 100 bytes before the original value: the dead-letter limit is too small',
    );
  });
});
