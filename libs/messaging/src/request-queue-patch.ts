import { createRequire } from 'node:module';

/** The part of kafkajs's internal RequestQueue (one per broker connection) this patch touches. */
export interface RequestQueueInternals {
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  checkPendingRequests(): void;
  scheduleCheckPendingRequests(): void;
}

/** kafkajs's own interval for looking at requests held back by throttling or in-flight limits. */
const CHECK_PENDING_MS = 10;

/**
 * kafkajs 2.2.4 (its last release) arms a timer on every broker connection after each look at
 * its queue, even with nothing waiting: `throttledUntil - now` is then negative, the timer fires
 * after 1 ms, looks again, and arms another. Each connection spins so for as long as the process
 * runs: 1.4% of a core in an idle stage's profile, 2% per stage in /proc (tulios/kafkajs#1556,
 * #1704; the fixes proposed there are unmerged). The queue only needs a timer while requests
 * wait: a request pushed later schedules its own look, and a response that arrives looks too.
 */
export function scheduleOnlyWhilePending(this: RequestQueueInternals): void {
  if (this.throttleCheckTimeoutId !== null || this.pending.length === 0) return;
  const untilUnthrottled = this.throttledUntil - Date.now();
  this.throttleCheckTimeoutId = setTimeout(
    () => {
      this.throttleCheckTimeoutId = null;
      this.checkPendingRequests();
    },
    untilUnthrottled > 0 ? untilUnthrottled : CHECK_PENDING_MS,
  );
}

let patched = false;

/** Replaces the spinning scheduler of kafkajs's RequestQueue (idempotent, process-wide). */
export function patchKafkaRequestQueue(): void {
  if (patched) return;
  // Internal to kafkajs, and pinned with it (package.json: exactly 2.2.4).
  const RequestQueue = createRequire(__filename)('kafkajs/src/network/requestQueue') as {
    prototype: RequestQueueInternals;
  };
  RequestQueue.prototype.scheduleCheckPendingRequests = scheduleOnlyWhilePending;
  patched = true;
}
