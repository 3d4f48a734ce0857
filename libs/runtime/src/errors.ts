import { InvalidEventError } from '@newsflow/contracts';
import type { DeadLetterReason } from '@newsflow/contracts';

/**
 * A message that is valid but can never be processed (no article text in the page, say).
 * Retrying cannot help: the runner dead-letters it at once.
 */
export class UnprocessableError extends Error {
  override readonly name: string = 'UnprocessableError';
}

/**
 * A dependency (Postgres, an HTTP origin the stage needs) is unavailable. Not the message's fault:
 * the runner keeps the message, backs off and tries again for as long as the service runs.
 */
export class DependencyUnavailableError extends Error {
  override readonly name = 'DependencyUnavailableError';
}

/**
 * Node's socket and DNS error codes: the other side (Postgres, the broker, an HTTP origin) is
 * not there right now. A library whose client reports it otherwise (Postgres's own SQLSTATEs, a
 * TypeORM wrapper) turns those into DependencyUnavailableError at its own boundary.
 */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

export type FailureClass =
  | { kind: 'permanent'; code: Exclude<DeadLetterReason, 'retries-exhausted'> }
  | { kind: 'dependency' }
  | { kind: 'transient' };

/** The one place that decides what a failure means: dead-letter now, wait, or retry. */
export function classifyFailure(error: unknown): FailureClass {
  if (error instanceof InvalidEventError) return { kind: 'permanent', code: error.code };
  if (error instanceof UnprocessableError) return { kind: 'permanent', code: 'unprocessable' };
  if (error instanceof DependencyUnavailableError) return { kind: 'dependency' };
  if (isUnavailable(error)) return { kind: 'dependency' };
  return { kind: 'transient' };
}

function isUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 3) return false;
  const { code } = error as { code?: unknown };
  if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
  // A wrapper keeps the socket error as its cause; AggregateError carries one per address tried.
  const { cause, errors } = error as { cause?: unknown; errors?: unknown };
  if (isUnavailable(cause, depth + 1)) return true;
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
