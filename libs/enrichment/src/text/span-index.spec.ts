import { SpanIndex } from './span-index';

describe(SpanIndex.name, () => {
  const index = new SpanIndex([
    { zone: 1, start: 10, end: 20 },
    { zone: 1, start: 0, end: 40 },
    { zone: 1, start: 50, end: 55 },
    { zone: 2, start: 5, end: 8 },
  ]);

  it('finds a span that overlaps the stretch, whatever order the spans came in', () => {
    expect(index.overlaps(1, 30, 35)).toBe(true);
    expect(index.overlaps(1, 54, 60)).toBe(true);
    expect(index.overlaps(2, 0, 6)).toBe(true);
  });

  it('takes spans that only touch the stretch as apart', () => {
    expect(index.overlaps(1, 40, 50)).toBe(false);
    expect(index.overlaps(1, 55, 56)).toBe(false);
    expect(index.overlaps(2, 8, 9)).toBe(false);
  });

  it('answers for a zone without spans', () => {
    expect(index.overlaps(3, 0, 100)).toBe(false);
  });

  it('agrees with asking every span in turn', () => {
    const spans = Array.from({ length: 200 }, (_, i) => {
      const start = (i * 37) % 500;
      return { zone: i % 3, start, end: start + 1 + ((i * 13) % 30) };
    });
    const many = new SpanIndex(spans);
    for (let zone = 0; zone < 3; zone += 1) {
      for (let start = 0; start < 540; start += 7) {
        const end = start + 1 + (start % 11);
        const expected = spans.some((s) => s.zone === zone && s.start < end && start < s.end);
        expect(many.overlaps(zone, start, end)).toBe(expected);
      }
    }
  });
});
