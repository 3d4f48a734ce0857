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
