import { createRequire } from 'node:module';
import { patchKafkaRequestQueue, scheduleOnlyWhilePending } from './request-queue-patch';
import type { RequestQueueInternals } from './request-queue-patch';

type QueueClass = new (options: Record<string, unknown>) => RequestQueueInternals;
const RequestQueue = createRequire(__filename)('kafkajs/src/network/requestQueue') as QueueClass;
const stockSchedule = RequestQueue.prototype.scheduleCheckPendingRequests;

const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined };

function newQueue(): RequestQueueInternals {
  return new RequestQueue({
    maxInFlightRequests: 1,
    requestTimeout: 30_000,
    enforceRequestTimeout: true,
    clientId: 'spec',
    broker: '127.0.0.1:1',
    logger: quiet,
  });
}

describe(patchKafkaRequestQueue.name, () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it("finds kafkajs 2.2.4's scheduler arming a timer with nothing waiting, again and again", () => {
    const queue = newQueue();
    const checks = jest.spyOn(queue, 'checkPendingRequests');
    queue.scheduleCheckPendingRequests = stockSchedule;

    queue.checkPendingRequests();
    jest.advanceTimersByTime(100);

    // The spin the patch stops: a look every millisecond with an empty queue.
    expect(checks.mock.calls.length).toBeGreaterThan(50);
    expect(queue.throttleCheckTimeoutId).not.toBeNull();
  });

  it('arms no timer while nothing waits', () => {
    patchKafkaRequestQueue();
    const queue = newQueue();
    const checks = jest.spyOn(queue, 'checkPendingRequests');

    queue.checkPendingRequests();
    jest.advanceTimersByTime(100);

    expect(RequestQueue.prototype.scheduleCheckPendingRequests).toBe(scheduleOnlyWhilePending);
    expect(checks).toHaveBeenCalledTimes(1);
    expect(queue.throttleCheckTimeoutId).toBeNull();
  });

  it('looks again when a throttle ends while requests wait, and every 10 ms otherwise', () => {
    patchKafkaRequestQueue();
    const throttled = newQueue();
    throttled.pending.push({});
    throttled.throttledUntil = Date.now() + 500;
    const throttledChecks = jest.spyOn(throttled, 'checkPendingRequests').mockImplementation();
    const busy = newQueue();
    busy.pending.push({});
    const busyChecks = jest.spyOn(busy, 'checkPendingRequests').mockImplementation();

    throttled.scheduleCheckPendingRequests();
    busy.scheduleCheckPendingRequests();
    jest.advanceTimersByTime(499);
    expect(throttledChecks).not.toHaveBeenCalled();
    expect(busyChecks).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(1);
    expect(throttledChecks).toHaveBeenCalledTimes(1);
  });
});
