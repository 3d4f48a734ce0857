const MIB = 1024 * 1024;
const KIB = 1024;

/**
 * The sizes producers, topics, the broker and consumers agree on, all derived from one number:
 * the largest message value our producers send (`KAFKA_MAX_MESSAGE_BYTES`, 8 MiB by default).
 * The fetcher takes pages up to `FETCH_MAX_BYTES` (5 MB); as JSON, with its escapes and the
 * message's other fields, such a page stays well under 8 MiB, so every page the fetcher may take
 * is carried. A value over the limit is refused by the publisher before it reaches the broker.
 */
export interface MessageLimits {
  /** Largest value (serialised JSON, before compression) sent to an article topic. */
  valueBytes: number;
  /** Largest dead letter: the original value in base64 (4/3 of it) and the envelope around it. */
  deadLetterValueBytes: number;
  /** Values per produce request; a single larger value goes in a request of its own. */
  batchBytes: number;
  /** Values queued or in flight in one publisher: `publish` waits for room beyond this. */
  bufferBytes: number;
  /** `max.message.bytes` of the article topics. */
  topicBytes: number;
  /** `max.message.bytes` of the dead-letter topics, and the broker's `message.max.bytes`. */
  deadLetterTopicBytes: number;
}

/** Kafka's default request size in the Java producer: a batch of pages is one such request. */
const BATCH_BYTES = 1 * MIB;
/** Room for two largest values (one in flight, one queued behind it), and never under four batches. */
const BUFFER_VALUES = 2;
/** Room for the dead letter's fields around the base64 original: reason (4,000 chars), headers. */
const ENVELOPE_BYTES = 64 * KIB;

/**
 * A record batch holding one value of `valueBytes`, compressed: incompressible data grows with
 * every codec (snappy worst: n + n/6 + 32), and the batch adds its header, key and headers. 1.2x
 * plus 64 KiB covers them all; rounded up to whole MiB so the numbers in the broker's files read
 * plainly (8 MiB values: 10 MiB topics; 11 MiB dead letters: 14 MiB).
 */
export function compressedBound(valueBytes: number): number {
  return roundUpToMiB(Math.ceil(valueBytes * 1.2) + ENVELOPE_BYTES);
}

export function messageLimits(valueBytes: number): MessageLimits {
  const deadLetterValueBytes = roundUpToMiB(Math.ceil((valueBytes * 4) / 3) + ENVELOPE_BYTES);
  return {
    valueBytes,
    deadLetterValueBytes,
    batchBytes: Math.min(BATCH_BYTES, valueBytes),
    bufferBytes: Math.max(4 * BATCH_BYTES, BUFFER_VALUES * valueBytes),
    topicBytes: compressedBound(valueBytes),
    deadLetterTopicBytes: compressedBound(deadLetterValueBytes),
  };
}

/** The limits for the default `KAFKA_MAX_MESSAGE_BYTES`. */
export const DEFAULT_MESSAGE_LIMITS = messageLimits(8 * MIB);

function roundUpToMiB(bytes: number): number {
  return Math.ceil(bytes / MIB) * MIB;
}
