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
