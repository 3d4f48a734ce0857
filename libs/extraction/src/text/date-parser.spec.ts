import { isDateline, parseDate } from './date-parser';

const now = new Date('2025-05-01T00:00:00.000Z');

describe(parseDate.name, () => {
  it.each([
    ['2025-04-17T14:34+0000', '2025-04-17T14:34:00.000Z'],
    ['2025-04-17T17:34:00+03:00', '2025-04-17T14:34:00.000Z'],
    ['2025-04-17T14:34:00Z', '2025-04-17T14:34:00.000Z'],
    ['2025-04-17', '2025-04-17T00:00:00.000Z'],
    ['Thu, 17 Apr 2025 14:34:00 GMT', '2025-04-17T14:34:00.000Z'],
    ['Thu, 17 Apr 2025 16:34:00 +0200', '2025-04-17T14:34:00.000Z'],
  ])('reads the machine date %s exactly, as UTC', (text, expected) => {
    expect(parseDate(text, now)).toBe(expected);
  });

  it.each([
    ['14:34 GMT 17.04.2025', '2025-04-17T14:34:00.000Z'],
    ['April 17, 2025 2:34 PM EDT', '2025-04-17T18:34:00.000Z'],
    ['Apr 17 2025, 17:34 GMT+3', '2025-04-17T14:34:00.000Z'],
  ])('reads the written date %s', (text, expected) => {
    expect(parseDate(text, now)).toBe(expected);
  });

  it('counts a relative date back from now', () => {
    expect(parseDate('3 hours ago', now)).toBe('2025-04-30T21:00:00.000Z');
  });

  it.each([[''], ['   '], [null], [undefined], ['not a date'], ['0001-01-01T00:00:00Z']])(
    'returns null for %p',
    (text) => {
      expect(parseDate(text, now)).toBeNull();
    },
  );
});

describe(isDateline.name, () => {
  it.each([
    ['14:34 GMT 17.04.2025 (Updated: 14:43 GMT 17.04.2025)'],
    ['Published: April 17, 2025 at 2:34 p.m. ET'],
    ['Updated 3 hours ago'],
    ['17.04.2025'],
  ])('recognises the dateline %s', (line) => {
    expect(isDateline(line, now)).toBe(true);
  });

  it.each([
    ['The talks on Thursday were an important step forward.'],
    ['Other statements by Peskov:'],
    ['Russia seeks relations with Syrian authorities, in contact with key regional players.'],
  ])('keeps the sentence %s', (line) => {
    expect(isDateline(line, now)).toBe(false);
  });
});
