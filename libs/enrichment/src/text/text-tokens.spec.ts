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

  it('reads words outside ASCII, digits and odd apostrophes as the token expression does', () => {
    // The expression tokenize() reads plain ASCII words without: it must agree everywhere.
    const expression = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}\p{M}]+)*/gu;
    const text =
      "Zürich’s mayor met l'Allemagne's envoy in Côte d'Ivoire on 3.5.2024; U.S.-U.K. " +
      "talks, A. Smith's rock 'n' roll, naïve café ÉTATS-UNIS Москва 北京 𝐀𝐁𝐂 x´y 42nd St. O’ " +
      'Ångström Ab’c ab\u0301c';
    const expected = [...text.matchAll(expression)].map((match) => [match[0], match.index]);
    expect(tokenize(text).map((token) => [token.text, token.start])).toEqual(expected);
  });
});

describe(fold.name, () => {
  it('drops accents and straightens apostrophes', () => {
    expect(fold('Zürich’s Côte')).toBe("Zurich's Cote");
  });

  it('leaves plain ASCII as it is, but for the backquote', () => {
    expect(fold("Qatar's Doha")).toBe("Qatar's Doha");
    expect(fold('rock`n')).toBe("rock'n");
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
