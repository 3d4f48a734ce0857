import { ExtractionError } from '../extraction.error';
import { Deadline } from '../limits';
import { MAX_MERGE_EDITS, mergeReadingOrder } from './reading-order';

describe(mergeReadingOrder.name, () => {
  it('puts paragraphs that only the fuller copy has where that copy has them', () => {
    expect(
      mergeReadingOrder([
        ['b', 'c'],
        ['a', 'b', 'c', 'd'],
      ]),
    ).toEqual(['a', 'b', 'c', 'd']);
  });

  it('keeps paragraphs that only the first copy has', () => {
    expect(
      mergeReadingOrder([
        ['a', 'x', 'b'],
        ['a', 'b', 'c'],
      ]),
    ).toEqual(['a', 'x', 'b', 'c']);
  });

  it('treats paragraphs that differ only in spacing or case as the same', () => {
    expect(mergeReadingOrder([['Hello  world'], ['hello world', 'next']])).toEqual([
      'hello world',
      'next',
    ]);
  });

  it('returns a single copy as it is', () => {
    expect(mergeReadingOrder([['a', 'b']])).toEqual(['a', 'b']);
    expect(mergeReadingOrder([])).toEqual([]);
  });

  it('merges copies MAX_MERGE_EDITS apart in reading order, and appends what a copy further apart adds', () => {
    const added = (count: number): string[] => Array.from({ length: count }, (_, i) => `x${i}`);
    expect(
      mergeReadingOrder([
        ['a', 'b'],
        ['a', ...added(MAX_MERGE_EDITS), 'b'],
      ]),
    ).toEqual(['a', ...added(MAX_MERGE_EDITS), 'b']);
    expect(
      mergeReadingOrder([
        ['a', 'b'],
        ['a', ...added(MAX_MERGE_EDITS + 1), 'b'],
      ]),
    ).toEqual(['a', 'b', ...added(MAX_MERGE_EDITS + 1)]);
  });

  it('merges two copies of 20,000 different lines at once (8,000 took 33 s)', () => {
    const copy = (name: string): string[] =>
      Array.from({ length: 20_000 }, (_, i) => `${name} line ${i}`);
    const started = performance.now();
    expect(mergeReadingOrder([copy('one'), copy('two')])).toHaveLength(40_000);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('stops at the deadline, with its error, when the diff gives up', () => {
    const copy = (name: string): string[] => Array.from({ length: 900 }, (_, i) => `${name}${i}`);
    // A budget below zero is spent at the first look; the diff gives up at it or at its edit cap.
    expect(() => mergeReadingOrder([copy('a'), copy('b')], new Deadline(-1))).toThrow(
      ExtractionError,
    );
    expect(mergeReadingOrder([copy('a'), copy('b')])).toHaveLength(1_800);
  });
});
