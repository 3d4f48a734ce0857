/**
 * Where an archive can be resumed from: the end of the last record whose fate is known (published,
 * refused or skipped), with every record before it known too. Records are read in order but their
 * publishes settle in any order, so a record settled ahead of an earlier one waits in line; the
 * line holds the records in flight, which the publisher's buffer bounds. A record dropped unsent
 * (the publisher stopped) holds the offset before it for good: it is read again next time.
 */
export class AcknowledgedOffset {
  private readonly line: { end: number; state: 'pending' | 'kept' | 'dropped' }[] = [];

  constructor(private acknowledged: number) {}

  get offset(): number {
    return this.acknowledged;
  }

  /** Records read whose fate is not known yet, or that were dropped. */
  get pending(): number {
    return this.line.length;
  }

  /** A record read, ending at `end`; settle it with the function returned. */
  add(end: number): (kept: boolean) => void {
    const entry: (typeof this.line)[number] = { end, state: 'pending' };
    this.line.push(entry);
    return (kept) => {
      entry.state = kept ? 'kept' : 'dropped';
      while (this.line[0]?.state === 'kept') {
        this.acknowledged = this.line[0].end;
        this.line.shift();
      }
    };
  }
}
