import { waitFor } from './wait-for';

describe(waitFor.name, () => {
  it('returns the first defined value the probe gives', async () => {
    let calls = 0;
    const value = await waitFor('the third call', () => (++calls === 3 ? 'ready' : undefined), {
      intervalMs: 1,
    });
    expect(value).toBe('ready');
    expect(calls).toBe(3);
  });

  it('times out naming what it waited for and the last error', async () => {
    await expect(
      waitFor(
        'a broker',
        () => {
          throw new Error('connection refused');
        },
        { timeoutMs: 30, intervalMs: 5 },
      ),
    ).rejects.toThrow(
      'timed out after 30 ms waiting for a broker (last error: connection refused)',
    );
  });
});
