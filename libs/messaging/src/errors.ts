import { InvalidEventError } from '@newsflow/contracts';
import type { DeadLetterReason } from '@newsflow/contracts';

/**
 * A message that is valid but can never be processed (no article text in the page, say).
 * Retrying cannot help: the runner dead-letters it at once.
 */
export class UnprocessableError extends Error {
  override readonly name = 'UnprocessableError';
}

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
export class MessageTooLargeError extends Error {
  override readonly name = 'MessageTooLargeError';
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
 * A dependency (Postgres, an HTTP origin the stage needs) is unavailable. Not the message's fault:
 * the runner keeps the message, backs off and tries again for as long as the service runs.
 */
export class DependencyUnavailableError extends Error {
  override readonly name = 'DependencyUnavailableError';
}

/** Node and Postgres error codes that mean "the other side is not there right now". */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  // Postgres: admin shutdown, crash shutdown, cannot connect now, too many connections.
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);

export type FailureClass =
  | { kind: 'permanent'; code: Exclude<DeadLetterReason, 'retries-exhausted'> }
  | { kind: 'dependency' }
  | { kind: 'transient' };

/** The one place that decides what a failure means: dead-letter now, wait, or retry. */
export function classifyFailure(error: unknown): FailureClass {
  if (error instanceof InvalidEventError) return { kind: 'permanent', code: error.code };
  if (error instanceof UnprocessableError) return { kind: 'permanent', code: 'unprocessable' };
  // An output too large for its topic stays too large, whether we or the broker said so.
  if (error instanceof MessageTooLargeError || isBrokerRefusal(error)) {
    return { kind: 'permanent', code: 'unprocessable' };
  }
  if (error instanceof DependencyUnavailableError) return { kind: 'dependency' };
  if (isUnavailable(error)) return { kind: 'dependency' };
  return { kind: 'transient' };
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

/** pg reports a connection lost mid-query with this message and no code. */
const CONNECTION_LOST = /^Connection terminated( unexpectedly| due to connection timeout)?$/;

function isUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 3) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
  if (typeof message === 'string' && CONNECTION_LOST.test(message)) return true;
  // TypeORM and pg wrap the socket error; AggregateError carries one per address tried.
  const { cause, errors, driverError } = error as {
    cause?: unknown;
    errors?: unknown;
    driverError?: unknown;
  };
  if (isUnavailable(cause, depth + 1) || isUnavailable(driverError, depth + 1)) return true;
  return Array.isArray(errors) && errors.some((e) => isUnavailable(e, depth + 1));
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === 'object' && error !== null) {
    const { message } = error as { message?: unknown };
    if (typeof message === 'string') return message;
    return JSON.stringify(error);
  }
  return String(error);
}
