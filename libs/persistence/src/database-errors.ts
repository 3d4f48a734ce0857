import { DependencyUnavailableError, classifyFailure, errorMessage } from '@newsflow/runtime';

/**
 * Postgres SQLSTATEs that mean "the server is not there for us right now": admin shutdown,
 * crash shutdown, cannot connect now, too many connections.
 */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);

/** pg reports a connection lost mid-query with this message and no code. */
const CONNECTION_LOST = /^Connection terminated( unexpectedly| due to connection timeout)?$/;

/**
 * True when a pg or TypeORM error means the database is unavailable rather than the query
 * wrong: a SQLSTATE above, a lost connection, or a socket error (however TypeORM wrapped it).
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 3) return false;
  if (classifyFailure(error).kind === 'dependency') return true;
  const { code, message, driverError, cause } = error as {
    code?: unknown;
    message?: unknown;
    driverError?: unknown;
    cause?: unknown;
  };
  if (typeof code === 'string' && UNAVAILABLE_SQLSTATES.has(code)) return true;
  if (typeof message === 'string' && CONNECTION_LOST.test(message)) return true;
  return isDatabaseUnavailable(driverError, depth + 1) || isDatabaseUnavailable(cause, depth + 1);
}

/**
 * An error from pg or TypeORM as the rest of the code should see it: an unavailable database
 * becomes a DependencyUnavailableError (same message, the original as its cause), so that
 * callers wait it out; any other error (a constraint, a bad value) is left as it is.
 */
export function databaseFailure(error: unknown): unknown {
  if (error instanceof DependencyUnavailableError || !isDatabaseUnavailable(error)) return error;
  return new DependencyUnavailableError(errorMessage(error), { cause: error });
}

/**
 * Class decorator for a repository: every method's failure, thrown or rejected, leaves through
 * databaseFailure. It is the library's boundary: nothing outside it reads a SQLSTATE to know
 * whether to wait.
 */
export function DatabaseBoundary(): ClassDecorator {
  return (target) => {
    const prototype = (target as unknown as { prototype: Record<string, unknown> }).prototype;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const descriptor = Object.getOwnPropertyDescriptor(prototype, name);
      if (name === 'constructor' || typeof descriptor?.value !== 'function') continue;
      const method = descriptor.value as (...args: unknown[]) => unknown;
      Object.defineProperty(prototype, name, {
        ...descriptor,
        value: function (this: unknown, ...args: unknown[]): unknown {
          try {
            const result = method.apply(this, args);
            return result instanceof Promise
              ? result.catch((error: unknown) => {
                  throw databaseFailure(error);
                })
              : result;
          } catch (error) {
            throw databaseFailure(error);
          }
        },
      });
    }
  };
}
