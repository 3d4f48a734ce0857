/**
 * Bytes held against a limit, for a producer whose memory must not follow its input: `take`
 * waits until the bytes fit, `give` hands them back. One item always fits when nothing is held,
 * so an item larger than the limit still goes, alone. The publisher's queue and the holding
 * publisher's window are each one.
 */
export class ByteWindow {
  private held = 0;
  private closed = false;
  private readonly waiters = new Set<() => void>();

  constructor(readonly limitBytes: number) {}

  get heldBytes(): number {
    return this.held;
  }

  /** Waits for room, then holds `bytes`: true; false (holding nothing) once closed. */
  async take(bytes: number): Promise<boolean> {
    while (!this.closed && this.held > 0 && this.held + bytes > this.limitBytes) {
      await new Promise<void>((resolve) => {
        const wake = (): void => {
          this.waiters.delete(wake);
          resolve();
        };
        this.waiters.add(wake);
      });
    }
    if (this.closed) return false;
    this.held += bytes;
    return true;
  }

  give(bytes: number): void {
    this.held -= bytes;
    this.wakeAll();
  }

  /** Every `take`, waiting or to come, returns false. */
  close(): void {
    this.closed = true;
    this.wakeAll();
  }

  private wakeAll(): void {
    for (const wake of [...this.waiters]) wake();
  }
}
