import { fold, tokenize, withoutPossessive } from './text-tokens';

describe(tokenize.name, () => {
  it('keeps dotted abbreviations and possessives whole', () => {
    expect(tokenize('The U.S. and Qatar’s emir').map((token) => token.text)).toEqual([
      'The',
      'U.S.',
      'and',
      'Qatar’s',
      'emir',
    ]);
  });

  it('says how each token joins the next', () => {
    expect(tokenize('Russian-Qatari talks, then - more.').map((token) => token.next)).toEqual([
      'hyphen',
      'space',
      'break',
      'break',
      'end',
    ]);
  });

  it('marks the first word of each sentence, after quotes too', () => {
    const tokens = tokenize('Reading is fun. "Officials said so," he said.');
    expect(tokens.filter((token) => token.sentenceStart).map((token) => token.text)).toEqual([
      'Reading',
      'Officials',
    ]);
  });
});

describe(fold.name, () => {
  it('drops accents and straightens apostrophes', () => {
    expect(fold('Zürich’s Côte')).toBe("Zurich's Cote");
  });
});

describe(withoutPossessive.name, () => {
  it('drops a trailing possessive only', () => {
    expect(['Qatar’s', "Peskov's", 'Paris'].map(withoutPossessive)).toEqual([
      'Qatar',
      'Peskov',
      'Paris',
    ]);
  });
});
