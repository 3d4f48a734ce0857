import * as tinyld from 'tinyld';
import { detectLanguage, hasPieces, primaryLanguage } from './language-detector';

jest.mock('tinyld', () => {
  const actual = jest.requireActual<typeof import('tinyld')>('tinyld');
  return { ...actual, detectAll: jest.fn(actual.detectAll) };
});

describe(detectLanguage.name, () => {
  const samples: Record<string, string> = {
    en: 'The talks between the Russian president and the Emir of Qatar are an important step forward in the development of relations between the two countries, a spokesman said on Thursday.',
    fr: "Le président russe a reçu jeudi l'émir du Qatar à Moscou. Les deux dirigeants ont discuté de la situation en Syrie et de la coopération économique entre leurs pays.",
    de: 'Der russische Präsident hat am Donnerstag den Emir von Katar in Moskau empfangen. Die beiden sprachen über die Lage in Syrien und die wirtschaftliche Zusammenarbeit.',
    es: 'El presidente ruso recibió el jueves al emir de Catar en Moscú. Ambos líderes hablaron sobre la situación en Siria y la cooperación económica entre sus países.',
    ru: 'Президент России в четверг принял в Москве эмира Катара. Лидеры обсудили ситуацию в Сирии и экономическое сотрудничество между странами.',
  };

  it.each(Object.entries(samples))('recognises %s text', (code, text) => {
    expect(detectLanguage([text])).toBe(code);
  });

  it('lets the text overrule a template that declares another language', () => {
    expect(detectLanguage([samples['de'] ?? ''], 'en-US')).toBe('de');
  });

  it('keeps the declared language when the detector also ranks it high', () => {
    expect(detectLanguage([samples['fr'] ?? ''], 'fr-FR')).toBe('fr');
  });

  it.each([
    ['a page declared English', 'en-GB'],
    ['a page that declares nothing', undefined],
    ['a page whose declaration is no language tag', 'english'],
  ])('tells plain English on %s without the detector', (_, declared) => {
    const detectAll = jest.mocked(tinyld.detectAll);
    detectAll.mockClear();
    expect(detectLanguage([samples['en'] ?? ''], declared)).toBe('en');
    expect(detectAll).not.toHaveBeenCalled();
  });

  it('asks the detector on a page that declares nothing and is not in English', () => {
    const detectAll = jest.mocked(tinyld.detectAll);
    detectAll.mockClear();
    expect(detectLanguage([samples['de'] ?? ''])).toBe('de');
    expect(detectAll).toHaveBeenCalledTimes(1);
  });

  it('asks the detector when the text of a page declared English is not English', () => {
    const detectAll = jest.mocked(tinyld.detectAll);
    detectAll.mockClear();
    expect(detectLanguage([samples['fr'] ?? ''], 'en')).toBe('fr');
    expect(detectAll).toHaveBeenCalledTimes(1);
  });

  it('falls back to the declared language when there is too little text', () => {
    expect(detectLanguage(['Brexit'], 'en-GB')).toBe('en');
  });

  it('reads the prose rather than a list of names before it', () => {
    const names = 'Karma Automotive Andreas Thurner, Vice President';
    expect(detectLanguage([names, names, samples['en'] ?? ''])).toBe('en');
  });

  it('returns null with neither text nor declaration', () => {
    expect(detectLanguage([], null)).toBeNull();
  });

  // tinyld alone said sk, fr, lv, la and no for these, and overruled the page's "en" for two.
  const headlines = [
    'Nokia to cut 1,000 jobs in Finland by 2026',
    'Microsoft unveils new Xbox console in Berlin',
    'Latvian president Edgars Rinkevics visits Riga port',
    'Veni vidi vici: Caesar exhibit opens at the British Museum',
    'Results: Arsenal 2 Chelsea 1; Leeds 0 Everton 0; Fulham 3 Brentford 2',
  ];

  it.each(headlines)('does not guess the language of the short item %p', (headline) => {
    expect(detectLanguage([headline])).toBeNull();
    expect(detectLanguage([headline], 'en')).toBe('en');
  });

  it('reads a short English item with its own words as English', () => {
    const item =
      'Arsenal beat Chelsea at home on Saturday and Leeds drew with Everton, while Fulham won ' +
      'their derby at Brentford.';
    expect(detectLanguage([item])).toBe('en');
  });

  it('keeps a short German item quoting an English title German', () => {
    const item =
      'Die Sängerin aus Köln gewann am Samstag die Finalshow von The Voice of Germany vor einem ' +
      'Millionenpublikum.';
    expect(detectLanguage([item], 'de')).toBe('de');
    expect(detectLanguage([item])).toBe('de');
  });

  it('finds no language in figures and addresses, and keeps what the page says', () => {
    // tinyld alone said "tlh" and "hi", over the page's own "en".
    const figures = [
      'Q3 2024 revenue 1,234 5,678 9.1% 12.3% EBITDA 4,567 EUR https://example.com/q3',
    ];
    const table = ['Tesla 12.5% | BMW 8.1% | Daimler 7.4% | Audi 6.9%', 'VW 5.2% | Renault 4.8%'];
    expect(detectLanguage(figures)).toBeNull();
    expect(detectLanguage(table)).toBeNull();
    expect(detectLanguage(figures, 'en')).toBe('en');
    expect(detectLanguage(table, 'en')).toBe('en');
  });
});

describe(primaryLanguage.name, () => {
  it.each([
    ['en-GB', 'en'],
    ['pt_BR', 'pt'],
    ['EN', 'en'],
    ['fil', 'fil'],
    ['', null],
    ['english', null],
    [null, null],
  ])('reads %p as %p', (tag, expected) => {
    expect(primaryLanguage(tag)).toBe(expected);
  });
});

describe(hasPieces.name, () => {
  it('counts the pieces splitting at whitespace gives, empty ones included', () => {
    const texts = [
      '',
      ' ',
      'one',
      'one two',
      ' one  two\tthree\n',
      'a b c d e f g',
      'a b c d e f g h',
      '\u00a0a\u3000b',
    ];
    for (const text of texts) {
      for (let count = 0; count <= 10; count++) {
        expect([text, count, hasPieces(text, count)]).toEqual([
          text,
          count,
          text.split(/\s+/).length >= count,
        ]);
      }
    }
  });
});
