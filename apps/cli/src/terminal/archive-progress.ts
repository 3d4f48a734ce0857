import type { ProgressOutput } from './progress';

/** A bar's redraws at most this often, as Progress. */
const REDRAW_MS = 100;
/** Without a terminal, a plain line every this many records (and at the end). */
const LINE_EVERY = 1000;

export interface ArchiveCounts {
  records: number;
  published: number;
  bytesRead: number;
  /** Null when the archive's size is not known (a URL). */
  bytesTotal: number | null;
}

/**
 * Progress through an archive, by bytes: records are of every size and most of a crawl's are
 * not pages, so bytes are what tells the time left. On a terminal a bar redrawn in place; in a
 * log a plain line every thousand records, as Progress does for files.
 */
export class ArchiveProgress {
  private lastDraw = 0;
  private lastLine = 0;
  private counts: ArchiveCounts = { records: 0, published: 0, bytesRead: 0, bytesTotal: null };
  private readonly startedAt: number;

  constructor(
    private readonly out: ProgressOutput,
    private readonly now: () => number = Date.now,
  ) {
    this.startedAt = now();
  }

  update(counts: ArchiveCounts): void {
    this.counts = counts;
    if (this.out.isTTY) {
      if (this.now() - this.lastDraw >= REDRAW_MS) this.draw();
    } else if (counts.records - this.lastLine >= LINE_EVERY) {
      this.lastLine = counts.records;
      this.out.write(`${this.line()}\n`);
    }
  }

  /** A line of its own (a damaged record, say), without breaking the bar. */
  note(line: string): void {
    if (this.out.isTTY) this.out.write('\r\x1b[2K');
    this.out.write(`${line}\n`);
    if (this.out.isTTY && this.counts.records > 0) this.draw();
  }

  finish(): void {
    if (this.out.isTTY) {
      this.draw();
      this.out.write('\n');
    } else {
      this.out.write(`${this.line()}\n`);
    }
  }

  private line(): string {
    const { records, published, bytesRead, bytesTotal } = this.counts;
    const seconds = (this.now() - this.startedAt) / 1000;
    const of = bytesTotal === null ? '' : `/${megabytes(bytesTotal)}`;
    return `${megabytes(bytesRead)}${of} MB, ${records} records, ${published} published, ${seconds.toFixed(1)} s`;
  }

  private draw(): void {
    this.lastDraw = this.now();
    const { bytesRead, bytesTotal } = this.counts;
    const seconds = Math.max(0.001, (this.now() - this.startedAt) / 1000);
    const rate = bytesRead / seconds;
    const left =
      bytesTotal !== null && rate > 0
        ? ` ${Math.ceil((bytesTotal - bytesRead) / rate)} s left`
        : '';
    const text = ` ${this.line()}  ${megabytes(rate)} MB/s${left}`;
    if (bytesTotal === null) {
      this.out.write(`\r${text}\x1b[K`);
      return;
    }
    const width = Math.max(10, Math.min(40, (this.out.columns ?? 80) - text.length - 3));
    const filled = bytesTotal === 0 ? width : Math.round((width * bytesRead) / bytesTotal);
    this.out.write(
      `\r[${'#'.repeat(Math.min(width, filled))}${'.'.repeat(Math.max(0, width - filled))}]${text}\x1b[K`,
    );
  }
}

function megabytes(bytes: number): string {
  return (bytes / 1_000_000).toFixed(1);
}
