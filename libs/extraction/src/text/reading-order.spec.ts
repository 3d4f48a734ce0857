import { mergeReadingOrder } from './reading-order';

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
});
