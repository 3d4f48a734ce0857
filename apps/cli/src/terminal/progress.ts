/** Where progress is drawn: stderr in practice, so that stdout stays free for results. */
export interface ProgressOutput {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** A bar's redraws at most this often: a thousand files a second must not cost a thousand writes. */
const REDRAW_MS = 100;
/** Without a terminal, a plain count line every this many items (and at the end). */
const LINE_EVERY = 100;

/**
 * Progress of a long command: on a terminal a bar redrawn in place (count, bytes, rate, time
 * left); elsewhere (a log, CI, a pipe) a plain count line every 100 items, which reads well
 * in a file.
 */
export class Progress {
  private done = 0;
  private bytes = 0;
  private lastDraw = 0;
  private readonly startedAt = Date.now();

  constructor(
    private readonly out: ProgressOutput,
    private readonly total: number,
    private readonly noun: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** One more item finished, of `bytes` bytes. */
  tick(bytes = 0): void {
    this.done += 1;
    this.bytes += bytes;
    if (this.out.isTTY) {
      if (this.now() - this.lastDraw >= REDRAW_MS || this.done === this.total) this.draw();
    } else if (this.done % LINE_EVERY === 0 && this.done !== this.total) {
      this.out.write(`${this.count()}\n`);
    }
  }

  /** A line of its own (a failure, say), without breaking the bar. */
  note(line: string): void {
    if (this.out.isTTY) this.out.write('\r\x1b[2K');
    this.out.write(`${line}\n`);
    if (this.out.isTTY && this.done > 0) this.draw();
  }

  /** The final count, on a line of its own. */
  finish(): void {
    if (this.out.isTTY) {
      this.draw();
      this.out.write('\n');
    } else {
      this.out.write(`${this.count()}\n`);
    }
  }

  private count(): string {
    const seconds = (this.now() - this.startedAt) / 1000;
    return `${this.done}/${this.total} ${this.noun}, ${megabytes(this.bytes)} MB, ${seconds.toFixed(1)} s`;
  }

  private draw(): void {
    this.lastDraw = this.now();
    const seconds = Math.max(0.001, (this.now() - this.startedAt) / 1000);
    const rate = this.done / seconds;
    const left = rate > 0 ? Math.ceil((this.total - this.done) / rate) : 0;
    const text = ` ${this.done}/${this.total} ${this.noun}  ${megabytes(this.bytes)} MB  ${rate.toFixed(0)}/s  ${left} s left`;
    const width = Math.max(10, Math.min(40, (this.out.columns ?? 80) - text.length - 3));
    const filled = this.total === 0 ? width : Math.round((width * this.done) / this.total);
    this.out.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]${text}\x1b[K`);
  }
}

function megabytes(bytes: number): string {
  return (bytes / 1_000_000).toFixed(1);
}
