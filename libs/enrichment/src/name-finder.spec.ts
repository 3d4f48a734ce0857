import { findNames } from './name-finder';
import { placeGazetteer } from './place-gazetteer';

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
});
