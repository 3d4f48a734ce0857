import { encodingForLabel } from './charset-labels';

describe(encodingForLabel.name, () => {
  it.each([
    [' Latin1 ', 'windows-1252'],
    ['US-ASCII', 'windows-1252'],
    ['utf8', 'utf-8'],
    ['UTF-16', 'utf-16le'],
    ['gb2312', 'gbk'],
    ['x-sjis', 'shift_jis'],
    ['ks_c_5601-1987', 'euc-kr'],
    ['tis-620', 'windows-874'],
    ['ISO-2022-KR', 'replacement'],
  ])('reads %j as %s, as browsers do', (label, encoding) => {
    expect(encodingForLabel(label)).toBe(encoding);
  });

  it.each(['utf-7', 'UTF-32', 'cesu-8', 'ebcdic-cp-us', 'binary', ''])(
    'knows no %j, as browsers do not',
    (label) => {
      expect(encodingForLabel(label)).toBeNull();
    },
  );
});
