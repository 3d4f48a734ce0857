import { ServiceUnavailableException } from '@nestjs/common';
import type { CallHandler, ExecutionContext } from '@nestjs/common';
import { lastValueFrom, of, throwError } from 'rxjs';
import {
  MAX_QUERY_WAIT_MS,
  MAX_RUNNING_QUERIES,
  MAX_WAITING_QUERIES,
  QueryGate,
  QueryGateFullError,
  QueryGateInterceptor,
} from './query-gate';

/** Lets the promise callbacks queued so far run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe(QueryGate.name, () => {
  afterEach(() => jest.useRealTimers());

  it(`lets ${MAX_RUNNING_QUERIES} in at once and queues the next ${MAX_WAITING_QUERIES}, refusing one more`, async () => {
    const gate = new QueryGate();
    const running = await Promise.all(
      Array.from({ length: MAX_RUNNING_QUERIES }, () => gate.enter()),
    );
    const waiting = Array.from({ length: MAX_WAITING_QUERIES }, () => gate.enter());

    expect(gate.counts).toEqual({ running: MAX_RUNNING_QUERIES, waiting: MAX_WAITING_QUERIES });
    await expect(gate.enter()).rejects.toThrow(
      new QueryGateFullError(
        `${MAX_RUNNING_QUERIES} queries running and ${MAX_WAITING_QUERIES} waiting`,
      ),
    );

    for (const leave of running) leave();
    const admitted = await Promise.all(waiting.slice(0, MAX_RUNNING_QUERIES));
    expect(admitted).toHaveLength(MAX_RUNNING_QUERIES);
    expect(gate.counts).toEqual({
      running: MAX_RUNNING_QUERIES,
      waiting: MAX_WAITING_QUERIES - MAX_RUNNING_QUERIES,
    });
    for (const leave of admitted) leave();
    // Each leaves as soon as it is in, handing its place to the next.
    await Promise.all(waiting.slice(MAX_RUNNING_QUERIES).map(async (entered) => (await entered)()));
    expect(gate.counts).toEqual({ running: 0, waiting: 0 });
  });

  it('admits waiters first come, first served', async () => {
    const gate = new QueryGate({ running: 1, waiting: 2, waitMs: 1_000 });
    const first = await gate.enter();
    const order: string[] = [];
    const second = gate.enter().then((leave) => (order.push('second'), leave));
    const third = gate.enter().then((leave) => (order.push('third'), leave));

    first();
    (await second)();
    (await third)();

    expect(order).toEqual(['second', 'third']);
  });

  it('counts a place given back twice once', async () => {
    const gate = new QueryGate({ running: 1, waiting: 0, waitMs: 1_000 });
    const leave = await gate.enter();

    leave();
    leave();

    expect(gate.counts).toEqual({ running: 0, waiting: 0 });
    const again = await gate.enter();
    await expect(gate.enter()).rejects.toThrow(QueryGateFullError);
    again();
  });

  it(`refuses a request that waited ${MAX_QUERY_WAIT_MS} ms, and not one that waited less`, async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate'] });
    const gate = new QueryGate();
    const running = await Promise.all(
      Array.from({ length: MAX_RUNNING_QUERIES }, () => gate.enter()),
    );
    let outcome = 'waiting';
    const waiter = gate.enter().then(
      () => (outcome = 'admitted'),
      (error: unknown) => (outcome = String(error)),
    );

    jest.advanceTimersByTime(MAX_QUERY_WAIT_MS - 1);
    await settle();
    expect(outcome).toBe('waiting');

    jest.advanceTimersByTime(1);
    await waiter;
    expect(outcome).toBe(`QueryGateFullError: no query slot within ${MAX_QUERY_WAIT_MS} ms`);
    expect(gate.counts).toEqual({ running: MAX_RUNNING_QUERIES, waiting: 0 });
    for (const leave of running) leave();
  });
});

describe(QueryGateInterceptor.name, () => {
  function http(): { context: ExecutionContext; headers: Map<string, string> } {
    const headers = new Map<string, string>();
    const response = { setHeader: (name: string, value: string) => headers.set(name, value) };
    const context = {
      switchToHttp: () => ({ getResponse: () => response }),
    } as unknown as ExecutionContext;
    return { context, headers };
  }

  it('holds a place while the route runs and gives it back when it ends, failed or not', async () => {
    const gate = new QueryGate({ running: 1, waiting: 0, waitMs: 1_000 });
    const interceptor = new QueryGateInterceptor(gate);
    let seen: { running: number; waiting: number } | undefined;
    const route: CallHandler = {
      handle: () => {
        seen = gate.counts;
        return of('answer');
      },
    };

    const answer = await lastValueFrom(await interceptor.intercept(http().context, route));
    expect(answer).toBe('answer');
    expect(seen).toEqual({ running: 1, waiting: 0 });
    expect(gate.counts).toEqual({ running: 0, waiting: 0 });

    const failing: CallHandler = { handle: () => throwError(() => new Error('query failed')) };
    await expect(
      lastValueFrom(await interceptor.intercept(http().context, failing)),
    ).rejects.toThrow('query failed');
    expect(gate.counts).toEqual({ running: 0, waiting: 0 });
  });

  it('answers 503 with Retry-After when the gate is full', async () => {
    const gate = new QueryGate({ running: 1, waiting: 0, waitMs: 1_000 });
    const leave = await gate.enter();
    const { context, headers } = http();

    const refused = interceptor(gate).intercept(context, { handle: () => of('never') });

    await expect(refused).rejects.toThrow(ServiceUnavailableException);
    await expect(refused).rejects.toMatchObject({
      response: {
        message: ['too many queries at once (1 queries running and 0 waiting); retry in 1 s'],
      },
    });
    expect(headers.get('Retry-After')).toBe('1');
    leave();
  });

  function interceptor(gate: QueryGate): QueryGateInterceptor {
    return new QueryGateInterceptor(gate);
  }
});
