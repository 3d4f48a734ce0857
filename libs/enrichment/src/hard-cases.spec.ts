import { tagText } from './tag-text';
import type { TextInput } from './tag-text';

// Texts on which a country tagger is easily wrong, each with the exact set of countries an
// analyst expects. Add a case whenever a wrong tag is reported; keep each text short, so that
// a failure points at one decision.

interface HardCase {
  text: string;
  title?: string;
  countries: string[];
}

const countriesOf = (input: TextInput): string[] =>
  tagText(input)
    .countries.map((country) => country.code)
    .sort();

const check = (cases: readonly HardCase[]): void => {
  it.each(cases.map((c) => [c.title ? `${c.title} | ${c.text}` : c.text, c] as const))(
    '%s',
    (_name, { text, title, countries }) => {
      expect(countriesOf({ text, title })).toEqual([...countries].sort());
    },
  );
};

describe('hard cases for the country tagger', () => {
  describe('a place name that is not the place', () => {
    check([
      // Albany, New York (GeoNames) is not Albania.
      { text: 'The governor signed the budget in Albany on Tuesday.', countries: ['US'] },
      // Stanley, the Falklands' capital, is inside a bank's name.
      { text: 'Morgan Stanley raised its forecast for bank shares.', countries: [] },
      // The longest name wins: New Jersey is a US state, not Jersey (JE).
      { text: 'Voters in New Jersey went to the polls on Tuesday.', countries: ['US'] },
      { text: 'Jersey City officials approved the plan.', countries: ['US'] },
      // A country as a person's first name, and later as the same person's surname.
      {
        text: 'Michael Jordan scored 40 points for the Bulls. Jordan later said he was tired.',
        countries: [],
      },
      { text: 'Jordan Henderson signed for Ajax on Friday.', countries: [] },
      { text: 'Chad Smith played the drums on the new record.', countries: [] },
      { text: "Georgia O'Keeffe painted flowers in New Mexico.", countries: ['US'] },
      { text: 'Kirk Douglas starred in the film. Douglas was 103.', countries: [] },
      { text: 'Paris Hilton arrived at the party with friends.', countries: [] },
      { text: 'Tom Holland starred in the new film.', countries: [] },
      // A leader's surname on someone else: only the leader counts.
      { text: 'Melania Trump visited a school in the morning.', countries: [] },
      {
        text: 'Francesca Albanese, the UN special rapporteur, spoke on Monday. Albanese said the report was final.',
        countries: [],
      },
      // Words and idioms.
      { text: 'Reading is fun, she said in Reading.', countries: [] },
      { text: 'He ordered a turkey for Thanksgiving and some French fries.', countries: [] },
      {
        text: 'The film was shown in Spanish with subtitles for the Spanish-speaking audience.',
        countries: [],
      },
      { text: 'The plan focuses on USB sticks; he told us the bus was late.', countries: [] },
    ]);
  });

  describe('a place implied rather than named', () => {
    check([
      { text: 'Putin said the talks were useful.', countries: ['RU'] },
      { text: 'Talks in Doha resumed on Monday.', countries: ['QA'] },
      { text: 'The Kremlin said on Friday it would respond.', countries: ['RU'] },
      { text: 'Downing Street declined to comment.', countries: ['GB'] },
      {
        text: 'Officials at the Pentagon and the Élysée disagreed over the plan.',
        countries: ['FR', 'US'],
      },
      { text: 'Zhongnanhai issued a directive on Monday.', countries: ['CN'] },
      { text: 'The Taoiseach met the Pope at the Vatican.', countries: ['IE', 'VA'] },
      { text: 'Washington and Moscow traded accusations.', countries: ['RU', 'US'] },
      {
        text: 'Sheikh Tamim bin Hamad Al Thani met Vladimir Putin in Moscow.',
        countries: ['QA', 'RU'],
      },
      {
        text: 'President Vladimir Putin met Emir Sheikh Tamim bin Hamad Al Thani on Tuesday. Putin said the talks went well.',
        countries: ['QA', 'RU'],
      },
      { text: 'Erdogan and Netanyahu spoke by phone on Sunday.', countries: ['IL', 'TR'] },
      {
        text: 'Zelensky thanked Starmer and Merz for their support.',
        countries: ['DE', 'GB', 'UA'],
      },
      { text: 'Kim Jong Un oversaw a missile launch.', countries: ['KP'] },
      { text: 'Xi Jinping met Lula in Beijing.', countries: ['BR', 'CN'] },
      {
        title: 'Macron Meets Modi in Paris',
        text: 'The two leaders met on Monday.',
        countries: ['FR', 'IN'],
      },
      // Any member of a ruling house names its country.
      { text: 'Sheikh Mohammed bin Abdulrahman Al Thani announced the deal.', countries: ['QA'] },
    ]);
  });

  describe('names, variants, abbreviations and demonyms', () => {
    check([
      { text: 'Russian-Qatari talks opened on Monday.', countries: ['QA', 'RU'] },
      {
        text: 'The U.S. and the UK imposed new sanctions on the DPRK.',
        countries: ['GB', 'KP', 'US'],
      },
      {
        text: 'The PRC and the ROK held talks, joined by the KSA and the UAE.',
        countries: ['AE', 'CN', 'KR', 'SA'],
      },
      { text: 'Turkish and Azeri officials met Kosovan leaders.', countries: ['AZ', 'TR', 'XK'] },
      { text: 'Brits and Aussies rarely agree on cricket.', countries: ['AU', 'GB'] },
      { text: "Chad's army said it repelled the attack.", countries: ['TD'] },
      { text: "Jordan's King Abdullah II met the delegation.", countries: ['JO'] },
      // A city's namesake, told apart by its region or by the text's other places.
      { text: 'She grew up in Paris before moving on.', countries: ['FR'] },
      { text: 'She grew up in Paris, Texas, before moving on.', countries: ['US'] },
      { text: 'She moved to Atlanta, Georgia, in 2010.', countries: ['US'] },
      { text: 'Georgia held elections on Saturday.', countries: ['GE'] },
      { text: 'He flew to Stanley, the capital of the Falkland Islands.', countries: ['FK'] },
    ]);
  });

  describe('territories and disputed areas (README: Territories and disputed areas)', () => {
    check([
      { text: 'Clashes in the Gaza Strip and the West Bank continued.', countries: ['PS'] },
      { text: 'Israeli strikes on Gaza continued overnight.', countries: ['IL', 'PS'] },
      { text: 'Kosovo and Serbia agreed to talks.', countries: ['RS', 'XK'] },
      { text: 'Russia annexed Crimea in 2014.', countries: ['RU', 'UA'] },
      { text: 'Separatists in Abkhazia and South Ossetia held a vote.', countries: ['GE'] },
      { text: 'Israel annexed the Golan Heights in 1981.', countries: ['IL', 'SY'] },
      { text: 'Morocco claims Western Sahara.', countries: ['EH', 'MA'] },
      { text: 'Protests in Hong Kong and Taiwan drew crowds.', countries: ['HK', 'TW'] },
      { text: 'The Falklands war began in 1982.', countries: ['FK'] },
      // Claimed by India and Pakistan (and in part China): no single country.
      { text: 'Clashes erupted in Kashmir on Sunday.', countries: [] },
    ]);
  });

  describe('country names in other languages', () => {
    check([
      { text: "L'Allemagne et la France ont signé un accord.", countries: ['DE', 'FR'] },
      { text: 'Les États-Unis et le Royaume-Uni ont réagi.', countries: ['GB', 'US'] },
      { text: 'Rusia y Catar firmaron un acuerdo.', countries: ['QA', 'RU'] },
      { text: 'Gespräche zwischen Katar und Russland gehen weiter.', countries: ['QA', 'RU'] },
      {
        text: 'Die Wirtschaft Russlands wächst langsamer als die Chinas.',
        countries: ['CN', 'RU'],
      },
      { text: "Gli accordi dell'Italia con la Cina e il Giappone.", countries: ['CN', 'IT', 'JP'] },
      { text: 'O Brasil e a Argentina assinaram um acordo.', countries: ['AR', 'BR'] },
      { text: 'De Verenigde Staten en Duitsland reageerden.', countries: ['DE', 'US'] },
      { text: 'Polska i Niemcy podpisały umowę.', countries: ['DE', 'PL'] },
      { text: 'Türkiye ve Almanya anlaşma imzaladı.', countries: ['DE', 'TR'] },
      { text: 'Россия и Катар подписали соглашение.', countries: ['QA', 'RU'] },
      { text: 'Санкции против России и Ирана усилены.', countries: ['IR', 'RU'] },
      { text: 'Переговори в Україні та Росії.', countries: ['RU', 'UA'] },
      { text: 'وقال مسؤول في قطر إن المحادثات مستمرة مع روسيا.', countries: ['QA', 'RU'] },
    ]);
  });
});
