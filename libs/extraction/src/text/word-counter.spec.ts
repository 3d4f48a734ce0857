import { countWords } from './word-counter';

describe(countWords.name, () => {
  it('counts words, not punctuation', () => {
    expect(countWords('"Russia welcomes Qatar\'s desire," Peskov told reporters — again.')).toBe(8);
  });

  it('counts numbers as words', () => {
    expect(countWords('Winds of 120 kilometres an hour hit 3 towns')).toBe(9);
  });

  it('counts words in scripts written without spaces', () => {
    expect(countWords('俄罗斯总统周四在莫斯科会见了卡塔尔埃米尔。')).toBeGreaterThan(5);
  });

  it('counts nothing in empty text', () => {
    expect(countWords('')).toBe(0);
    expect(countWords(' — ')).toBe(0);
  });
});

describe(`${countWords.name} in scripts with spaces`, () => {
  /** The pattern countWords counts the matches of, run as a regular expression. */
  const byRegex = (text: string): number =>
    text.match(/[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*/gu)?.length ?? 0;

  it('joins words at inner apostrophes only', () => {
    expect(countWords("Qatar's rock ’n’ roll isn’t 'quoted' rock''n")).toBe(8);
    expect(countWords("l'été d’Aujourd’hui")).toBe(2);
  });

  it('reads letters, marks and digits beyond ASCII and outside the BMP', () => {
    expect(countWords('Ελλάδα Россия café naïve 𝐀𝐁𝐂 x\u0301y ١٢٣')).toBe(7);
    expect(countWords('𝐀’𝐁 a\ud800b \udc00')).toBe(3);
  });

  it('agrees with the regular expression on random mixes', () => {
    const alphabet = [
      'a',
      'Z',
      '7',
      'é',
      'ß',
      'Ж',
      '\u0301',
      '𝐀',
      '\ud800',
      '\udc00',
      "'",
      '’',
      ' ',
      '-',
      '.',
      '٣',
      '—',
    ];
    let seed = 7;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const differing: string[] = [];
    for (let round = 0; round < 5000; round++) {
      let text = '';
      const length = Math.floor(random() * 12);
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      if (countWords(text) !== byRegex(text)) differing.push(text);
    }
    expect(differing).toEqual([]);
  });
});

describe(`${countWords.name} with soft hyphens`, () => {
  it('counts a word with soft hyphens in it once', () => {
    expect(countWords('Die Donau\u00addampf\u00adschiff\u00adfahrt fährt.')).toBe(3);
  });
});
