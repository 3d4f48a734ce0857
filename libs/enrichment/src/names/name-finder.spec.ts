import { findNames } from './name-finder';
import { MAX_NAME_CHARS, MAX_RUN_TOKENS } from './zone-words';
import { placeGazetteer } from '../places/gazetteer/build-gazetteer';

const gazetteer = placeGazetteer();
const names = (text: string): { people: string[]; organisations: string[] } => {
  const found = findNames(text, (name) => gazetteer.isPlaceName(name));
  const show = ({ first, end }: { first: number; end: number }): string =>
    text.slice(found.tokens[first]?.start ?? 0, found.tokens[end - 1]?.end ?? 0);
  return { people: found.people.map(show), organisations: found.organisations.map(show) };
};

describe(findNames.name, () => {
  describe('people', () => {
    it.each([
      [
        'a given name and a surname',
        'The deal was signed by Angela Merkel on Monday.',
        'Angela Merkel',
      ],
      ['titles left out', 'Russian President Vladimir Putin spoke first.', 'Vladimir Putin'],
      ['an abbreviated title', 'Gov. Kristi Noem said the plan works.', 'Kristi Noem'],
      ['a role before the name', 'The goalie Tuukka Rask made 30 saves.', 'Tuukka Rask'],
      ['initials inside', 'The case against Patrick W. Carlineo was heard.', 'Patrick W. Carlineo'],
      [
        'particles inside',
        'They met Tamim bin Hamad Al Thani in Doha.',
        'Tamim bin Hamad Al Thani',
      ],
      ['a common word as surname', 'Witness Fiona Hill testified for hours.', 'Fiona Hill'],
      [
        'a double-barrelled surname',
        'Friends of Tanesha Melbourne-Blake gathered.',
        'Tanesha Melbourne-Blake',
      ],
      [
        'a hyphenated given name in lower case',
        'Officer Cheuk Hau-yip was charged.',
        'Cheuk Hau-yip',
      ],
      ['words no list knows', 'It was Semyon Varlamov who stopped them.', 'Semyon Varlamov'],
    ])('%s', (_case, text, person) => {
      expect(names(text).people).toEqual([person]);
    });

    it.each([
      ['a place', 'Flights to Los Angeles were cancelled.'],
      ['an event named after a person', 'They lifted the Stanley Cup again.'],
      ['a venue', 'The band plays the Shoreline Amphitheatre in June.'],
      ['a dateline in capitals', 'SAN DIEGO — Crowds gathered early.'],
      ['one word alone', 'Putin said nothing.'],
    ])('not %s', (_case, text) => {
      expect(names(text).people).toEqual([]);
    });

    it('keeps the person out of a company named after them', () => {
      const found = findNames('Dick Clark Productions owns the show.', (name) =>
        gazetteer.isPlaceName(name),
      );
      expect(found.people).toEqual([]);
      expect(found.namedAfter).toEqual([{ first: 0, end: 2 }]);
    });
  });

  describe('organisations', () => {
    it.each([
      [
        'a name ending in an organisation word',
        'The European Commission fined them.',
        ['European Commission'],
      ],
      ['an "of" after the head', 'The Bank of England raised rates.', ['Bank of England']],
      [
        'an "and" inside one name',
        'The Food and Drug Administration agreed.',
        ['Food and Drug Administration'],
      ],
      [
        'two names joined by "and"',
        'The Arab League and the European Union met.',
        ['Arab League', 'European Union'],
      ],
      ['no owner in front', "Xi's Communist Party met.", ['Communist Party']],
      ['a name the lexicon knows', 'Shares of Boeing fell.', ['Boeing']],
      ['an acronym', 'The ATP confirmed the schedule.', ['ATP']],
    ])('%s', (_case, text, organisations) => {
      expect(names(text).organisations).toEqual(organisations);
    });

    it.each([
      ['a venue', 'They played the Pepsi Center.'],
      ['a state abbreviation', 'The tour stops in Charlotte, NC next.'],
      ['a time zone', 'Kick-off is at 3pm GMT on Sunday.'],
    ])('not %s', (_case, text) => {
      expect(names(text).organisations).toEqual([]);
    });
  });

  describe('limits', () => {
    // Capitalised words no list knows: "Zqab", "Zqac", ...
    const made = (count: number): string[] =>
      Array.from({ length: count }, (_, i) => {
        const letter = (k: number): string => String.fromCharCode(97 + (k % 26));
        return `Zq${letter(Math.floor(i / 26))}${letter(i)}`;
      });

    it('reads a run of MAX_RUN_TOKENS capitalised words as one name, and cuts a longer one', () => {
      const name = (words: number): string => [...made(words - 1), 'Bank'].join(' ');

      expect(names(`They sued the ${name(MAX_RUN_TOKENS)} today.`).organisations).toEqual([
        name(MAX_RUN_TOKENS),
      ]);
      // Cut after MAX_RUN_TOKENS words, "Bank" stands alone and names nothing.
      expect(names(`They sued the ${name(MAX_RUN_TOKENS + 1)} today.`).organisations).toEqual([]);
    });

    it('reads 100,000 characters of one run of capitalised words in linear time', () => {
      // Each start of a run was tried against the rest of it: this took 34 s.
      const text = made(676)
        .map((word) => `${word} and `)
        .join('')
        .repeat(15);
      const started = Date.now();

      names(text);

      expect(Date.now() - started).toBeLessThan(3000);
    });

    it('keeps a name of MAX_NAME_CHARS characters and drops a longer one', () => {
      const person = (chars: number): string =>
        `Vladimir Z${'q'.repeat(chars - 'Vladimir Z'.length)}`;
      const organisation = (chars: number): string =>
        `Z${'q'.repeat(chars - 'Z Bank'.length)} Bank`;

      expect(names(`We met ${person(MAX_NAME_CHARS)} there.`).people).toEqual([
        person(MAX_NAME_CHARS),
      ]);
      expect(names(`We met ${person(MAX_NAME_CHARS + 1)} there.`).people).toEqual([]);
      expect(names(`We sued ${organisation(MAX_NAME_CHARS)} there.`).organisations).toEqual([
        organisation(MAX_NAME_CHARS),
      ]);
      expect(names(`We sued ${organisation(MAX_NAME_CHARS + 1)} there.`).organisations).toEqual([]);
    });
  });
});
