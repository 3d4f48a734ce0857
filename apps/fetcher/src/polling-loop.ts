/**
 * Rounds of work on an interval, for as long as the application runs: `round` runs, then the
 * loop sleeps `tickMs` (cut short by `wake`), until a round says it is done (a `once` run) or
 * `stop` is called. Both ingestion services poll this way.
 */
export class PollingLoop {
  private stopping = false;
  private running: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;

  constructor(private readonly tickMs: number) {}

  start(round: () => Promise<'again' | 'done'>): void {
    this.running = this.run(round);
  }

  /** Resolves when a round said it was done, or after `stop`. */
  finished(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  /** Ends the sleep in progress, if any: the next round starts now. */
  wake(): void {
    this.wakeUp?.();
  }

  /** No round starts after this; resolves once the current one has finished. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake();
    await this.running;
  }

  private async run(round: () => Promise<'again' | 'done'>): Promise<void> {
    while (!this.stopping) {
      if ((await round()) === 'done') return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.tickMs);
        this.wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }
}
