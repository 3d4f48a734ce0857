import { findPlaces } from './place-matcher';
import type { PlaceMention } from './place-mention';
import type { NameSpan } from '../../text/spans';
import { toZones } from '../../text/text-zones';

const zonesOf = (text: string) => toZones({ text });
const found = (mentions: PlaceMention[]) =>
  mentions.map(({ surface, start, end, sense }) => ({ surface, start, end, code: sense.code }));
/** The span of `name` in `text` (first occurrence from `from`), as the people finder gives it. */
const span = (text: string, name: string, person: string, from = 0): NameSpan => {
  const start = text.indexOf(name, from);
  return { zone: 0, start, end: start + name.length, person };
};

describe(findPlaces.name, () => {
  it('gives each mention its offsets in the zone, possessive and elided article off', () => {
    const text = "Qatar's emir flew to l'Allemagne.";
    expect(found(findPlaces(zonesOf(text), []))).toEqual([
      { surface: 'Qatar', start: 0, end: 7, code: 'QA' },
      { surface: 'Allemagne', start: 23, end: 32, code: 'DE' },
    ]);
  });

  it('reads nothing inside a person’s name that is no leader', () => {
    const text = 'Michael Jordan met Jordan Peterson.';
    const people = [
      span(text, 'Michael Jordan', 'Michael Jordan'),
      span(text, 'Jordan Peterson', 'Jordan Peterson'),
    ];
    expect(findPlaces(zonesOf(text), people)).toEqual([]);
  });

  it('counts a person who is a sitting leader for the country, once per mention', () => {
    const text = 'Vladimir Putin spoke. Later Putin left.';
    const people = [
      span(text, 'Vladimir Putin', 'Vladimir Putin'),
      span(text, 'Putin', 'Vladimir Putin', 20),
    ];
    const mentions = findPlaces(zonesOf(text), people);
    expect(found(mentions)).toEqual([
      { surface: 'Vladimir Putin', start: 0, end: 14, code: 'RU' },
      { surface: 'Putin', start: 28, end: 33, code: 'RU' },
    ]);
    expect(mentions[0]?.sense).toMatchObject({ kind: 'landmark', office: 'President' });
  });

  it('reads a leader’s whole name where the person found is cut short', () => {
    const text = 'Kim Jong Un watched the launch.';
    const mentions = findPlaces(zonesOf(text), [span(text, 'Kim Jong', 'Kim Jong')]);
    expect(found(mentions)).toEqual([{ surface: 'Kim Jong Un', start: 0, end: 11, code: 'KP' }]);
  });

  it('takes a place named like a person’s surname for the person, unless named otherwise too', () => {
    const text = 'Michael Jordan retired. Jordan was 40.';
    const people = [span(text, 'Michael Jordan', 'Michael Jordan')];
    expect(findPlaces(zonesOf(text), people)).toEqual([]);

    const amman = 'Michael Jordan flew to Amman. Jordan welcomed him.';
    const codes = findPlaces(zonesOf(amman), [span(amman, 'Michael Jordan', 'Michael Jordan')]).map(
      (mention) => mention.sense.code,
    );
    expect(codes).toEqual(['JO', 'JO']);
  });

  it('matches the longest name first', () => {
    const text = 'From New Jersey to Papua New Guinea.';
    expect(found(findPlaces(zonesOf(text), [])).map((m) => [m.surface, m.code])).toEqual([
      ['New Jersey', 'US'],
      ['Papua New Guinea', 'PG'],
    ]);
  });
});
