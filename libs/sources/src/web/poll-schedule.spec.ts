import { afterFailure, afterSuccess, initialPollState } from './poll-schedule';
import type { PollPolicy } from './poll-schedule';

const policy: PollPolicy = {
  minIntervalMs: 60_000,
  maxIntervalMs: 3_600_000,
  failureBackoffMs: 30_000,
  disableAfterFailures: 4,
};

describe('poll schedule', () => {
  it('polls a busy feed faster and a quiet one slower, within the bounds', () => {
    let state = { ...initialPollState(policy), intervalMs: 600_000 };
    const delays: (number | null)[] = [];
    for (const newItems of [3, 5, 0, 0]) {
      const decision = afterSuccess(state, policy, newItems);
      delays.push(decision.delayMs);
      state = decision.state;
    }
    expect(delays).toEqual([300_000, 150_000, 225_000, 337_500]);
    expect(afterSuccess({ ...state, intervalMs: 70_000 }, policy, 9).delayMs).toBe(60_000);
    expect(afterSuccess({ ...state, intervalMs: 3_000_000 }, policy, 0).delayMs).toBe(3_600_000);
  });

  it('backs off exponentially, honours a longer Retry-After, and disables after the streak', () => {
    let state = initialPollState(policy);
    const first = afterFailure(state, policy, { reason: 'http 503', retryAfterMs: 120_000 });
    expect(first.delayMs).toBe(120_000);
    state = first.state;
    const second = afterFailure(state, policy, { reason: 'timeout' });
    expect(second.delayMs).toBe(60_000);
    state = afterFailure(second.state, policy, { reason: 'timeout' }).state;
    const last = afterFailure(state, policy, { reason: 'malformed feed: unexpected end' });
    expect(last).toEqual({
      state: {
        intervalMs: 60_000,
        failureStreak: 4,
        disabledReason: 'disabled after 4 failures in a row; last: malformed feed: unexpected end',
      },
      delayMs: null,
    });
  });

  it('forgets the failure streak after a success', () => {
    const failed = afterFailure(initialPollState(policy), policy, { reason: 'timeout' }).state;
    expect(afterSuccess(failed, policy, 1).state.failureStreak).toBe(0);
  });
});
