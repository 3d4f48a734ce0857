import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import type { Observable } from 'rxjs';
import { finalize } from 'rxjs';

/**
 * Requests querying Postgres at once, 4. The pool holds 10 connections (pg's default) and each
 * of these requests uses one at a time, so /health/ready always finds one free: 400 `/stats`
 * requests, 50 at a time, held every connection and slowed it to 1.1 s. Four also keeps a
 * 2-core database answering rather than thrashing.
 */
export const MAX_RUNNING_QUERIES = 4;

/**
 * Requests waiting for one of those, 32: a burst from a dashboard waits its turn; past that,
 * a request is answered 503 at once instead of piling up.
 */
export const MAX_WAITING_QUERIES = 32;

/** The longest a request waits for its turn, 5 s, then 503: the client can retry later. */
export const MAX_QUERY_WAIT_MS = 5_000;

/** What the 503 tells the client to wait, in seconds (the Retry-After header). */
export const RETRY_AFTER_SECONDS = 1;

export interface QueryGateLimits {
  running: number;
  waiting: number;
  waitMs: number;
}

/** Refused entry: the gate is full, or the wait ran out. */
export class QueryGateFullError extends Error {
  override readonly name = 'QueryGateFullError';
}

interface Waiter {
  admit: () => void;
  timer: NodeJS.Timeout;
}

/**
 * Lets `running` holders in at once and queues up to `waiting` more, first come first served;
 * a request past both, or one that waited `waitMs`, is refused. The same for every client: the
 * database is what is shared, and behind a proxy or ingress a client's address is not its own.
 */
export class QueryGate {
  private running = 0;
  private readonly queue: Waiter[] = [];

  constructor(
    private readonly limits: QueryGateLimits = {
      running: MAX_RUNNING_QUERIES,
      waiting: MAX_WAITING_QUERIES,
      waitMs: MAX_QUERY_WAIT_MS,
    },
  ) {}

  /** Resolves with the function that gives the place back; rejects with QueryGateFullError. */
  enter(): Promise<() => void> {
    if (this.running < this.limits.running) {
      this.running += 1;
      return Promise.resolve(this.leaver());
    }
    if (this.queue.length >= this.limits.waiting) {
      return Promise.reject(
        new QueryGateFullError(
          `${this.limits.running} queries running and ${this.limits.waiting} waiting`,
        ),
      );
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        // The place is handed over by `leave`, which does not count it down.
        admit: () => {
          clearTimeout(waiter.timer);
          resolve(this.leaver());
        },
        timer: setTimeout(() => {
          this.queue.splice(this.queue.indexOf(waiter), 1);
          reject(new QueryGateFullError(`no query slot within ${this.limits.waitMs} ms`));
        }, this.limits.waitMs),
      };
      this.queue.push(waiter);
    });
  }

  get counts(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.queue.length };
  }

  /** Gives the place to the first waiter, or frees it; a second call does nothing. */
  private leaver(): () => void {
    let left = false;
    return () => {
      if (left) return;
      left = true;
      const next = this.queue.shift();
      if (next) next.admit();
      else this.running -= 1;
    };
  }
}

/**
 * Holds a place in the QueryGate while a route runs; a refused request gets 503 with
 * Retry-After.
 */
@Injectable()
export class QueryGateInterceptor implements NestInterceptor {
  constructor(@Inject(QueryGate) private readonly gate: QueryGate) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    let leave: () => void;
    try {
      leave = await this.gate.enter();
    } catch (error) {
      if (!(error instanceof QueryGateFullError)) throw error;
      context
        .switchToHttp()
        .getResponse<{ setHeader(name: string, value: string): void }>()
        .setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
      throw new ServiceUnavailableException([
        `too many queries at once (${error.message}); retry in ${RETRY_AFTER_SECONDS} s`,
      ]);
    }
    return next.handle().pipe(finalize(leave));
  }
}
