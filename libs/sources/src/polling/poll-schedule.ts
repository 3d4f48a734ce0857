/**
 * When to poll a source next. A feed that publishes often is polled faster, a quiet one slower,
 * within bounds; a failing one backs off exponentially (or as long as its Retry-After says, if
 * longer) and is disabled after a run of failures, with the reason kept for operators to see.
 */
export interface PollPolicy {
  minIntervalMs: number;
  maxIntervalMs: number;
  /** The first retry after a failure; each further failure doubles it, up to maxIntervalMs. */
  failureBackoffMs: number;
  /** Failures in a row after which the source is disabled until an operator enables it. */
  disableAfterFailures: number;
}

export interface PollState {
  intervalMs: number;
  failureStreak: number;
  /** Why the source is disabled, or null while it is polled. */
  disabledReason: string | null;
}

export interface PollDecision {
  state: PollState;
  /** Null when the source is now disabled: no further poll is scheduled. */
  delayMs: number | null;
}

/** New items halve the interval; a poll with none stretches it by half. */
const FASTER = 0.5;
const SLOWER = 1.5;

export function initialPollState(policy: PollPolicy): PollState {
  return { intervalMs: policy.minIntervalMs, failureStreak: 0, disabledReason: null };
}

export function afterSuccess(state: PollState, policy: PollPolicy, newItems: number): PollDecision {
  const factor = newItems > 0 ? FASTER : SLOWER;
  const intervalMs = clamp(Math.round(state.intervalMs * factor), policy);
  return { state: { intervalMs, failureStreak: 0, disabledReason: null }, delayMs: intervalMs };
}

export function afterFailure(
  state: PollState,
  policy: PollPolicy,
  failure: { reason: string; retryAfterMs?: number },
): PollDecision {
  const failureStreak = state.failureStreak + 1;
  if (failureStreak >= policy.disableAfterFailures) {
    const disabledReason = `disabled after ${failureStreak} failures in a row; last: ${failure.reason}`;
    return { state: { ...state, failureStreak, disabledReason }, delayMs: null };
  }
  const backoff = Math.min(
    policy.failureBackoffMs * 2 ** (failureStreak - 1),
    policy.maxIntervalMs,
  );
  const delayMs = Math.max(backoff, failure.retryAfterMs ?? 0);
  return { state: { ...state, failureStreak, disabledReason: null }, delayMs };
}

function clamp(intervalMs: number, policy: PollPolicy): number {
  return Math.min(policy.maxIntervalMs, Math.max(policy.minIntervalMs, intervalMs));
}

/**
 * A source that has published nothing for this many times its usual interval between publishing
 * polls is in a collection gap: the feed broke quietly (moved, emptied, blocked us with a 200)
 * rather than failing, so nothing else would say so.
 */
export const COLLECTION_GAP_FACTOR = 3;

export interface SourceRhythm {
  enabled: boolean;
  lastPublishedAt: Date | null;
  /** The usual time between publishing polls; null until two polls have published. */
  publishIntervalMs: number | null;
}

/**
 * Whether the source is in a collection gap at `now`: enabled (a disabled source is reported as
 * such, not as a gap), with a usual interval known, and silent for more than
 * COLLECTION_GAP_FACTOR times it.
 */
export function inCollectionGap(source: SourceRhythm, now: Date): boolean {
  if (!source.enabled || source.lastPublishedAt === null || source.publishIntervalMs === null) {
    return false;
  }
  const silentMs = now.getTime() - source.lastPublishedAt.getTime();
  return silentMs > COLLECTION_GAP_FACTOR * source.publishIntervalMs;
}
