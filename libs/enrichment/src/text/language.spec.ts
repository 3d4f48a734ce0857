import { detectTextLanguage, proseOf } from './language';

describe(detectTextLanguage.name, () => {
  it('does not call short English headlines another language', () => {
    // tinyld alone said sk, fr, lv, la and no for these.
    const headlines = [
      'Nokia to cut 1,000 jobs in Finland by 2026',
      'Microsoft unveils new Xbox console in Berlin',
      'Latvian president Edgars Rinkevics visits Riga port',
      'Veni vidi vici: Caesar exhibit opens at the British Museum',
      'Results: Arsenal 2 Chelsea 1; Leeds 0 Everton 0; Fulham 3 Brentford 2',
    ];
    for (const headline of headlines) expect([null, 'en']).toContain(detectTextLanguage(headline));
  });

  it('reads table-heavy English wire texts as English', () => {
    // tinyld alone said lv and fr: the tables' names outweighed the one English sentence.
    const figures = [
      'Latvia reported its trade figures for the month on Tuesday.',
      'Rīga 1,204 388',
      'Daugavpils 795 023',
      'Liepāja 346 301',
      'Jelgava 244 120',
    ].join('\n');
    const winners = [
      'The winners of the regional awards were announced on Monday.',
      'Jean-Baptiste Lefèvre (Lyon) 1st',
      'Françoise Dubois (Marseille) 2nd',
      'Étienne Moreau (Bordeaux) 3rd',
    ].join('\n');
    expect(detectTextLanguage(figures)).toBe('en');
    expect(detectTextLanguage(winners)).toBe('en');
  });

  it('says nothing (null) on too little text, or on figures and addresses only', () => {
    expect(detectTextLanguage('Hello world')).toBeNull();
    expect(
      detectTextLanguage(
        'Q3 2024 revenue 1,234 5,678 9.1% 12.3% EBITDA 4,567 EUR https://example.com/q3',
      ),
    ).toBeNull();
    expect(
      detectTextLanguage(
        'Tesla 12.5% | BMW 8.1% | Daimler 7.4% | Audi 6.9%\nVW 5.2% | Renault 4.8%',
      ),
    ).toBeNull();
  });

  it('falls back to the declared language when unsure', () => {
    expect(detectTextLanguage('Microsoft unveils new Xbox console in Berlin', 'en')).toBe('en');
    expect(detectTextLanguage('Hi', 'de')).toBe('de');
  });

  it('still finds other languages in real sentences', () => {
    expect(
      detectTextLanguage(
        'Die Bundesregierung hat am Dienstag beschlossen, dass die Förderung für Elektroautos im ' +
          'kommenden Jahr verlängert wird. Die Opposition kritisierte den Plan als zu teuer.',
      ),
    ).toBe('de');
    expect(
      detectTextLanguage(
        'Le gouvernement a annoncé mardi une nouvelle aide pour les agriculteurs touchés par la ' +
          'sécheresse, qui sera versée avant la fin du mois.',
      ),
    ).toBe('fr');
    expect(
      detectTextLanguage(
        'Правительство объявило во вторник о новой помощи фермерам, пострадавшим от засухи.',
      ),
    ).toBe('ru');
  });
});

describe(proseOf.name, () => {
  it('drops numbers, addresses and table rows', () => {
    expect(proseOf('Sales rose 4.5% to $1,200 (see www.example.com)\n12 | 34 | 56 | 78')).toBe(
      'Sales rose to (see',
    );
  });
});
