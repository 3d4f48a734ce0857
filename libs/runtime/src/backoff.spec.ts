import { backoffDelay } from './backoff';

describe(backoffDelay.name, () => {
  const policy = { initialDelayMs: 100, maxDelayMs: 1_000, factor: 2 };

  it('doubles from the initial delay', () => {
    const noJitter = () => 0;
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, policy, noJitter))).toEqual([
      100, 200, 400, 800,
    ]);
  });

  it('never exceeds the cap', () => {
    expect(backoffDelay(30, policy, () => 0)).toBe(1_000);
  });

  it('takes at most 20% off as jitter', () => {
    expect(backoffDelay(1, policy, () => 1)).toBe(80);
    expect(backoffDelay(1, policy, () => 0.5)).toBe(90);
  });
});
