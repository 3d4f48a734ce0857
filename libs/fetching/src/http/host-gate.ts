/**
 * Per-host manners: at most `maxInFlight` requests to one host at a time, and at least
 * `minGapMs` (or the host's robots.txt crawl-delay, if longer) between the starts of two
 * requests to it. Requests to one host start in the order they asked; other hosts are not held
 * up. The host is the URL's hostname, so http and https of one site share their manners.
 */
export interface HostGateOptions {
  minGapMs: number;
  maxInFlight: number;
}

interface Waiter {
  gapMs: number;
  start: () => void;
}

interface HostState {
  inFlight: number;
  /** Epoch ms before which the next request may not start. */
  nextStartAt: number;
  queue: Waiter[];
  timer: NodeJS.Timeout | undefined;
}

export class HostGate {
  private readonly hosts = new Map<string, HostState>();

  constructor(private readonly options: HostGateOptions) {
    if (options.maxInFlight < 1) throw new Error('maxInFlight must be at least 1');
  }

  /** Runs `work` when the host's manners allow it; resolves or rejects as `work` does. */
  async run<T>(
    url: string,
    work: () => Promise<T>,
    crawlDelayMs: number | null = null,
  ): Promise<T> {
    const host = new URL(url).hostname;
    const state = this.stateOf(host);
    await new Promise<void>((start) => {
      state.queue.push({ gapMs: Math.max(this.options.minGapMs, crawlDelayMs ?? 0), start });
      this.pump(host, state);
    });
    try {
      return await work();
    } finally {
      state.inFlight -= 1;
      this.pump(host, state);
      if (state.inFlight === 0 && state.queue.length === 0 && state.timer === undefined) {
        // Forget idle hosts whose gap has passed, so a long-running fetcher does not keep one
        // entry per host it ever saw.
        if (state.nextStartAt <= Date.now()) this.hosts.delete(host);
      }
    }
  }

  /** Requests waiting or running, per host: for metrics and tests. */
  load(url: string): { inFlight: number; waiting: number } {
    const state = this.hosts.get(new URL(url).hostname);
    return { inFlight: state?.inFlight ?? 0, waiting: state?.queue.length ?? 0 };
  }

  private stateOf(host: string): HostState {
    let state = this.hosts.get(host);
    if (!state) {
      state = { inFlight: 0, nextStartAt: 0, queue: [], timer: undefined };
      this.hosts.set(host, state);
    }
    return state;
  }

  /** Starts the next waiter if a slot is free and the gap has passed, else waits for either. */
  private pump(host: string, state: HostState): void {
    if (state.timer !== undefined || state.inFlight >= this.options.maxInFlight) return;
    const next = state.queue[0];
    if (!next) return;
    const wait = state.nextStartAt - Date.now();
    if (wait > 0) {
      state.timer = setTimeout(() => {
        state.timer = undefined;
        this.pump(host, state);
      }, wait);
      return;
    }
    state.queue.shift();
    state.inFlight += 1;
    state.nextStartAt = Date.now() + next.gapMs;
    next.start();
    this.pump(host, state);
  }
}
