import { createHash } from 'node:crypto';
import type { DeadLetterReason, DeadLetterV1 } from '@newsflow/contracts';
import type { KafkaMessage } from 'kafkajs';

export interface FailedDelivery {
  message: KafkaMessage;
  topic: string;
  partition: number;
  stage: string;
  code: DeadLetterReason;
  reason: string;
  attempts: number;
  failedAt?: Date;
}

/** The reason kept in a dead letter, 4,000 characters: a message can be huge, the reason stays readable. */
export const MAX_DEAD_LETTER_REASON_CHARS = 4_000;

/**
 * The original key kept in a dead letter, 1,024 characters. Our keys are article ids (tens of
 * characters); a longer one is not ours, and is cut so it cannot crowd out the value.
 */
export const MAX_DEAD_LETTER_KEY_CHARS = 1_024;

/**
 * The original headers kept in a dead letter, 16 KiB of base64 in all. Our producers send none;
 * headers past this are left out so they cannot crowd out the value.
 */
export const MAX_DEAD_LETTER_HEADERS_BYTES = 16 * 1024;

/**
 * The dead letter keeps the original bytes exactly (base64) and says where they came from.
 *
 * It always fits in `maxValueBytes` (the dead-letter topic's value limit, see message-limits.ts),
 * so the runner can always send it and move on: base64 makes the original 4/3 larger, and an
 * original that arrived compressed may be far larger than any limit. When the whole original
 * does not fit, the letter keeps as many of its first bytes as do, and `originalTruncated`,
 * `originalBytes` and `originalSha256` say it was cut and name the whole. Throws only when
 * `maxValueBytes` is too small for the letter's other fields, a configuration error.
 */
export function buildDeadLetter(failure: FailedDelivery, maxValueBytes: number): DeadLetterV1 {
  const { message } = failure;
  const value = message.value ?? Buffer.alloc(0);
  const key = message.key ? message.key.toString('utf8') : null;
  const keptKey = key?.slice(0, MAX_DEAD_LETTER_KEY_CHARS) ?? null;
  const { headers, complete } = keptHeaders(message.headers);
  const letter: DeadLetterV1 = {
    schemaVersion: 1,
    originalValue: '',
    originalBytes: value.length,
    originalSha256: createHash('sha256').update(value).digest('hex'),
    // `false` while measuring: it is one character longer than `true`.
    originalTruncated: false,
    originalKey: keptKey,
    originalHeaders: headers,
    topic: failure.topic,
    partition: failure.partition,
    offset: message.offset,
    stage: failure.stage,
    error: { code: failure.code, message: failure.reason.slice(0, MAX_DEAD_LETTER_REASON_CHARS) },
    attempts: failure.attempts,
    failedAt: (failure.failedAt ?? new Date()).toISOString(),
  };
  // Base64 needs no escaping in JSON: the value adds exactly its encoded length.
  const room = maxValueBytes - Buffer.byteLength(JSON.stringify(letter));
  if (room < 0) {
    throw new Error(
      `a dead letter needs more than ${maxValueBytes} bytes before the original value: the dead-letter limit is too small`,
    );
  }
  const keptBytes = base64Length(value.length) <= room ? value.length : Math.floor(room / 4) * 3;
  return {
    ...letter,
    originalValue: value.subarray(0, keptBytes).toString('base64'),
    originalTruncated: keptBytes < value.length || keptKey !== key || !complete,
  };
}

/** Padded base64 of `bytes` bytes: 4 characters per 3 bytes or part of 3. */
function base64Length(bytes: number): number {
  return Math.ceil(bytes / 3) * 4;
}

/** The headers base64-encoded, in order, while they fit in MAX_DEAD_LETTER_HEADERS_BYTES. */
function keptHeaders(original: KafkaMessage['headers']): {
  headers: Record<string, string>;
  complete: boolean;
} {
  const headers: Record<string, string> = {};
  let bytes = 0;
  let complete = true;
  for (const [name, value] of Object.entries(original ?? {})) {
    if (value === undefined) continue;
    const first = Array.isArray(value) ? value[0] : value;
    if (first === undefined) continue;
    const encoded = Buffer.from(first).toString('base64');
    bytes += Buffer.byteLength(name) + encoded.length;
    if (bytes > MAX_DEAD_LETTER_HEADERS_BYTES) {
      complete = false;
      break;
    }
    headers[name] = encoded;
  }
  return { headers, complete };
}
