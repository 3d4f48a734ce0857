import {
  COLLECTION_GAP_FACTOR,
  afterFailure,
  afterSuccess,
  inCollectionGap,
  initialPollState,
} from './poll-schedule';
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

describe('collection gap', () => {
  const publishedAt = new Date('2026-12-06T10:00:00Z');
  const usual = 600_000;
  const at = (ms: number) => new Date(publishedAt.getTime() + ms);
  const source = { enabled: true, lastPublishedAt: publishedAt, publishIntervalMs: usual };

  it(`is open once a source has been silent for more than ${COLLECTION_GAP_FACTOR} times its usual interval`, () => {
    expect(inCollectionGap(source, at(COLLECTION_GAP_FACTOR * usual - 1))).toBe(false);
    expect(inCollectionGap(source, at(COLLECTION_GAP_FACTOR * usual))).toBe(false);
    expect(inCollectionGap(source, at(COLLECTION_GAP_FACTOR * usual + 1))).toBe(true);
  });

  it('is not reported for a disabled source, which has its own signal', () => {
    expect(inCollectionGap({ ...source, enabled: false }, at(10 * usual))).toBe(false);
  });

  it('waits for a usual interval: a source with one publishing poll, or none, has no gap', () => {
    expect(inCollectionGap({ ...source, publishIntervalMs: null }, at(100 * usual))).toBe(false);
    expect(
      inCollectionGap({ ...source, lastPublishedAt: null, publishIntervalMs: null }, at(usual)),
    ).toBe(false);
  });
});
