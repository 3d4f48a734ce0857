import { Topic, deadLetterTopicOf } from '@newsflow/contracts';
import type { KafkaMessage } from 'kafkajs';
import { buildDeadLetter } from './dead-letter';
import {
  InvalidDeadLetterIdError,
  REPLAYED_FROM_HEADER,
  ReplayRefusedError,
  formatDeadLetterId,
  parseDeadLetterId,
  parseDeadLetterReplay,
  restoreOriginal,
} from './dead-letter-replay';
import type { DeadLetterId } from './dead-letter-replay';

const DLQ = deadLetterTopicOf(Topic.ArticleFetched);
const ID: DeadLetterId = { topic: DLQ, partition: 0, offset: '42' };

function letterOf(message: Partial<KafkaMessage>, maxValueBytes = 1024 * 1024) {
  return buildDeadLetter(
    {
      message: { key: Buffer.from('page-1'), value: null, offset: '7', headers: {}, ...message },
      topic: Topic.ArticleFetched,
      partition: 2,
      stage: 'parser',
      code: 'invalid-json',
      reason: 'not JSON',
      attempts: 1,
    } as Parameters<typeof buildDeadLetter>[0],
    maxValueBytes,
  );
}

describe(parseDeadLetterId.name, () => {
  it('reads <dead-letter topic>:<partition>:<offset>, and formats it back', () => {
    const id = parseDeadLetterId('news.article.parsed.v1.dlq:2:1187');

    expect(id).toEqual({ topic: 'news.article.parsed.v1.dlq', partition: 2, offset: '1187' });
    expect(formatDeadLetterId(id)).toBe('news.article.parsed.v1.dlq:2:1187');
  });

  it('gives one id per letter: leading zeros and spaces around go', () => {
    expect(formatDeadLetterId(parseDeadLetterId(' news.article.fetched.v1.dlq:00:007 '))).toBe(
      'news.article.fetched.v1.dlq:0:7',
    );
  });

  it('keeps a 64-bit offset exactly, up to the largest Kafka has and not past it', () => {
    expect(parseDeadLetterId(`${DLQ}:0:9223372036854775807`).offset).toBe('9223372036854775807');
    expect(() => parseDeadLetterId(`${DLQ}:0:9223372036854775808`)).toThrow(
      /the offset must be a whole number/,
    );
    expect(parseDeadLetterId(`${DLQ}:2147483647:0`).partition).toBe(2147483647);
    expect(() => parseDeadLetterId(`${DLQ}:2147483648:0`)).toThrow(/the partition must be/);
  });

  it.each([
    ['news.article.fetched.v1.dlq:0', /is not a dead letter id/],
    ['news.article.fetched.v1.dlq:0:1:2', /is not a dead letter id/],
    ['news.article.fetched.v1.dlq:-1:3', /the partition must be a whole number/],
    ['news.article.fetched.v1.dlq:0:3.5', /the offset must be a whole number/],
    ['news.article.fetched.v1.dlq:0:', /the offset must be a whole number/],
    ['news.article.fetched.v1:0:3', /is an article topic: a dead letter id names its .*\.dlq/],
    ['orders.dlq:0:3', /orders\.dlq is not a dead-letter topic/],
  ])('refuses %s, saying why', (text, why) => {
    expect(() => parseDeadLetterId(text)).toThrow(InvalidDeadLetterIdError);
    expect(() => parseDeadLetterId(text)).toThrow(why);
  });
});

describe(restoreOriginal.name, () => {
  it('gives back the original bytes, key and headers, and names the letter in a header', () => {
    const value = Buffer.from([0x7b, 0x00, 0xff, 0x0a]);
    const letter = letterOf({ value, headers: { trace: Buffer.from('t-1') } });

    const original = restoreOriginal(ID, letter);

    expect(original.topic).toBe(Topic.ArticleFetched);
    expect(original.key).toBe('page-1');
    expect(original.value.equals(value)).toBe(true);
    expect(original.headers).toEqual({
      trace: Buffer.from('t-1'),
      [REPLAYED_FROM_HEADER]: Buffer.from(`${DLQ}:0:42`),
    });
  });

  it('keeps a null key null, and names the latest letter when the original was replayed before', () => {
    const letter = letterOf({
      key: null,
      value: Buffer.from('x'),
      headers: { [REPLAYED_FROM_HEADER]: Buffer.from(`${DLQ}:0:1`) },
    });

    const original = restoreOriginal(ID, letter);

    expect(original.key).toBeNull();
    expect(original.headers[REPLAYED_FROM_HEADER]).toEqual(Buffer.from(`${DLQ}:0:42`));
  });

  it('refuses a letter that kept only the start of its original', () => {
    const value = Buffer.alloc(4000, 0x61);
    // Room for the envelope and about 1,500 bytes of the original.
    const letter = letterOf({ value }, 2_600);
    expect(letter.originalTruncated).toBe(true);

    expect(() => restoreOriginal(ID, letter)).toThrow(ReplayRefusedError);
    expect(() => restoreOriginal(ID, letter)).toThrow(
      /keeps only part of the original \(\d+ of 4000 bytes/,
    );
  });

  it('refuses bytes that do not match the size or the hash the letter recorded', () => {
    const letter = letterOf({ value: Buffer.from('{"a":1}') });

    expect(() =>
      restoreOriginal(ID, { ...letter, originalValue: Buffer.from('{"a":2}').toString('base64') }),
    ).toThrow(/do not match its originalSha256/);
    expect(() => restoreOriginal(ID, { ...letter, originalBytes: 8 })).toThrow(
      /holds 7 bytes of an original of 8/,
    );
  });

  it('refuses a letter whose original topic is not the article topic of its dead-letter topic', () => {
    const letter = letterOf({ value: Buffer.from('x') });

    expect(() => restoreOriginal(ID, { ...letter, topic: Topic.ArticleParsed })).toThrow(
      /original topic news\.article\.parsed\.v1 is not the article topic of news\.article\.fetched\.v1\.dlq/,
    );
    expect(() => restoreOriginal(ID, { ...letter, topic: 'orders' })).toThrow(ReplayRefusedError);
  });
});

describe(parseDeadLetterReplay.name, () => {
  const record = {
    letterId: `${DLQ}:0:42`,
    replayedAt: '2026-01-02T03:04:05.000Z',
    topic: Topic.ArticleFetched,
    partition: 1,
    offset: '99',
    times: 2,
  };

  it('reads a replay record', () => {
    expect(parseDeadLetterReplay(Buffer.from(JSON.stringify(record)))).toEqual(record);
  });

  it('passes over what is not one', () => {
    expect(parseDeadLetterReplay(null)).toBeUndefined();
    expect(parseDeadLetterReplay(Buffer.from('not json'))).toBeUndefined();
    expect(parseDeadLetterReplay(Buffer.from('null'))).toBeUndefined();
    expect(
      parseDeadLetterReplay(Buffer.from(JSON.stringify({ ...record, times: '2' }))),
    ).toBeUndefined();
  });
});
