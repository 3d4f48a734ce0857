export interface BackoffPolicy {
  initialDelayMs: number;
  maxDelayMs: number;
  factor: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = {
  initialDelayMs: 200,
  maxDelayMs: 10_000,
  factor: 2,
};

/** While a dependency (Postgres, the broker) is down: slower, longer, and without a limit. */
export const DEPENDENCY_BACKOFF: BackoffPolicy = {
  initialDelayMs: 500,
  maxDelayMs: 30_000,
  factor: 2,
};

/**
 * Delay before retry number `attempt` (1 = first retry): exponential, capped, with up to 20%
 * jitter taken off so that replicas that failed together do not retry together.
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random = Math.random): number {
  const exponential = policy.initialDelayMs * policy.factor ** Math.max(0, attempt - 1);
  const capped = Math.min(policy.maxDelayMs, exponential);
  return Math.round(capped * (1 - 0.2 * random()));
}
