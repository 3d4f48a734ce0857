import { formatTable, quantile } from './bench-table';

describe(quantile.name, () => {
  it('takes the nearest rank: the median of four is the second value', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
  });

  it('is NaN for no values', () => {
    expect(quantile([], 0.5)).toBeNaN();
  });
});

describe(formatTable.name, () => {
  it('pads the first column on the right and the others on the left', () => {
    expect(
      formatTable([
        ['run', 'n'],
        ['tagText', '12'],
      ]),
    ).toEqual(['run       n', 'tagText  12']);
  });
});
