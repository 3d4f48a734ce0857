/** A stretch of a zone's text, end exclusive (place-matcher's ZoneSpan has this shape). */
interface ZoneSpan {
  zone: number;
  start: number;
  end: number;
}

interface ZoneIndex {
  /** The spans' starts, ascending. */
  starts: number[];
  /** reach[i]: the furthest end of the spans up to and including i (in the order of starts). */
  reach: number[];
}

/**
 * Spans of the zones, asked whether any overlaps a stretch of text. The finders ask it for each
 * name or word they find: going through every span each time cost time by the product of the
 * two counts (seconds on a long page of names). A question costs a binary search here.
 */
export class SpanIndex {
  private readonly byZone = new Map<number, ZoneIndex>();

  constructor(spans: Iterable<ZoneSpan>) {
    const grouped = new Map<number, ZoneSpan[]>();
    for (const span of spans) {
      const list = grouped.get(span.zone);
      if (list) list.push(span);
      else grouped.set(span.zone, [span]);
    }
    for (const [zone, list] of grouped) {
      list.sort((a, b) => a.start - b.start);
      let furthest = -Infinity;
      this.byZone.set(zone, {
        starts: list.map((span) => span.start),
        reach: list.map((span) => (furthest = Math.max(furthest, span.end))),
      });
    }
  }

  /** Whether a span of the zone overlaps start..end (end exclusive). */
  overlaps(zone: number, start: number, end: number): boolean {
    const index = this.byZone.get(zone);
    if (!index) return false;
    // The spans that start before `end` come first; one of them overlaps if any reaches past
    // `start`.
    let low = 0;
    let high = index.starts.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((index.starts[middle] as number) < end) low = middle + 1;
      else high = middle;
    }
    return low > 0 && (index.reach[low - 1] as number) > start;
  }
}
