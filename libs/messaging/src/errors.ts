import { UnprocessableError } from '@newsflow/runtime';

/**
 * Thrown by a batch handler once it is done with every other event of the batch: the events at
 * these positions (in the array the handler was given) failed for good, each with its error,
 * and are dead-lettered one by one; the rest count as handled. A handler throws it only after
 * the rest is safely out: their offsets are committed with the batch.
 */
export class UnprocessableItems extends Error {
  override readonly name = 'UnprocessableItems';
  constructor(readonly failures: ReadonlyMap<number, unknown>) {
    super(`${failures.size} events of the batch cannot be processed`);
  }
}

/**
 * A value too large for its topic. It will never fit, so it is not retried: the fetcher records
 * it against its source, a stage dead-letters the message that produced it.
 */
export class MessageTooLargeError extends UnprocessableError {
  override readonly name: string = 'MessageTooLargeError';
  constructor(
    readonly topic: string,
    readonly key: string,
    readonly bytes: number,
    readonly limit: number,
  ) {
    super(
      `too-large-for-topic: the message for ${key} is ${bytes} bytes as JSON, over the ${limit}-byte limit of ${topic} (KAFKA_MAX_MESSAGE_BYTES)`,
    );
  }
}

/**
 * Kafka error codes that refuse a produce request for what it holds, so that sending it again
 * cannot help (a topic whose max.message.bytes is below ours, say). kafkajs gives the code as
 * `type`, on the error or on the one it wraps after its own retries.
 */
const BROKER_REFUSALS = new Set(['MESSAGE_TOO_LARGE', 'RECORD_LIST_TOO_LARGE', 'INVALID_RECORD']);

function isBrokerRefusal(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 3) return false;
  const { type, cause, originalError } = error as {
    type?: unknown;
    cause?: unknown;
    originalError?: unknown;
  };
  if (typeof type === 'string' && BROKER_REFUSALS.has(type)) return true;
  return isBrokerRefusal(cause, depth + 1) || isBrokerRefusal(originalError, depth + 1);
}

/**
 * A send's failure as the rest of the code should see it: a broker's refusal of what the
 * request holds stays refused however often it is sent, so it becomes an UnprocessableError
 * (dead-lettered, never retried) with the broker's message; anything else is left as it is.
 */
export function sendFailure(error: unknown): unknown {
  if (!isBrokerRefusal(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new UnprocessableError(message, { cause: error });
}
