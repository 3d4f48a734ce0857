import { HostGate } from './host-gate';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(HostGate.name, () => {
  it('keeps the minimum gap between the starts of requests to one host', async () => {
    const gate = new HostGate({ minGapMs: 60, maxInFlight: 4 });
    const starts: number[] = [];
    await Promise.all(
      [1, 2, 3].map(() =>
        gate.run('https://news.example/a', () => {
          starts.push(Date.now());
          return Promise.resolve();
        }),
      ),
    );
    const gaps = starts.slice(1).map((start, i) => start - (starts[i] ?? 0));
    // Timers may fire a millisecond early on some platforms; the gate must not be 10 ms early.
    expect(gaps.every((gap) => gap >= 55)).toBe(true);
  });

  it('takes a longer crawl-delay over the minimum gap', async () => {
    const gate = new HostGate({ minGapMs: 10, maxInFlight: 4 });
    const starts: number[] = [];
    const request = () =>
      gate.run(
        'https://slow.example/',
        () => {
          starts.push(Date.now());
          return Promise.resolve();
        },
        120,
      );
    await Promise.all([request(), request()]);
    expect((starts[1] ?? 0) - (starts[0] ?? 0)).toBeGreaterThanOrEqual(115);
  });

  it('caps requests in flight per host, and does not hold up another host', async () => {
    const gate = new HostGate({ minGapMs: 0, maxInFlight: 2 });
    let inFlight = 0;
    let most = 0;
    const slow = () =>
      gate.run('https://busy.example/x', async () => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await sleep(40);
        inFlight -= 1;
      });
    const busy = Promise.all([slow(), slow(), slow(), slow()]);
    await sleep(5);
    expect(gate.load('https://busy.example/')).toEqual({ inFlight: 2, waiting: 2 });
    const started = Date.now();
    await gate.run('https://other.example/', () => Promise.resolve());
    expect(Date.now() - started).toBeLessThan(30);
    await busy;
    expect(most).toBe(2);
  });

  it('frees the slot when the work fails, and passes the failure on', async () => {
    const gate = new HostGate({ minGapMs: 0, maxInFlight: 1 });
    await expect(
      gate.run('https://fails.example/', () => Promise.reject(new Error('boom'))),
    ).rejects.toThrow('boom');
    await expect(gate.run('https://fails.example/', () => Promise.resolve('next'))).resolves.toBe(
      'next',
    );
  });
});
