import { dayFirst, isDateline, parseDate } from './date-parser';

const now = new Date('2025-05-01T15:20:00.000Z');

describe(parseDate.name, () => {
  it.each([
    ['2025-04-17T14:34+0000', '2025-04-17T14:34:00.000Z'],
    ['2025-04-17T17:34:00+03:00', '2025-04-17T14:34:00.000Z'],
    ['2025-04-17T14:34:00Z', '2025-04-17T14:34:00.000Z'],
    ['2025-04-17T14:34:00', '2025-04-17T14:34:00.000Z'],
    ['2025-04-17', '2025-04-17T00:00:00.000Z'],
    ['Thu, 17 Apr 2025 14:34:00 GMT', '2025-04-17T14:34:00.000Z'],
    ['Thu, 17 Apr 2025 16:34:00 +0200', '2025-04-17T14:34:00.000Z'],
    ['2025-04-17 14:34:00', '2025-04-17T14:34:00.000Z'],
    ['1744900440', '2025-04-17T14:34:00.000Z'],
    ['1744900440000', '2025-04-17T14:34:00.000Z'],
  ])('reads the machine date %s exactly, as UTC', (text, expected) => {
    expect(parseDate(text, now)).toBe(expected);
  });

  it.each([
    ['14:34 GMT 17.04.2025', '2025-04-17T14:34:00.000Z'],
    ['April 17, 2025 2:34 PM ET', '2025-04-17T18:34:00.000Z'],
    ['January 17, 2025 2:34 PM ET', '2025-01-17T19:34:00.000Z'],
    ['April 17, 2025 2:34 PM EDT', '2025-04-17T18:34:00.000Z'],
    ['April 17, 2025 2:34 PM EST', '2025-04-17T19:34:00.000Z'],
    ['Published: April 17, 2025 at 2:34 p.m. ET', '2025-04-17T18:34:00.000Z'],
    ['17 April 2025 14:34 CET', '2025-04-17T12:34:00.000Z'],
    ['Thursday 17 April 2025 14.34 BST', '2025-04-17T13:34:00.000Z'],
    ['17 April 2025 14:34 IST', '2025-04-17T09:04:00.000Z'],
    ['17.04.2025 14:34 MSK', '2025-04-17T11:34:00.000Z'],
    ['Apr 17 2025, 17:34 GMT+3', '2025-04-17T14:34:00.000Z'],
    ['April 17, 2025 2:34 PM', '2025-04-17T14:34:00.000Z'],
    ['Fri 6:45 PM, Feb 16, 2018', '2018-02-16T18:45:00.000Z'],
    ['Updated: Sat 8:31 PM EST, Feb 17, 2018', '2018-02-18T01:31:00.000Z'],
    ['14:34 GMT 17.04.2025 (Updated: 14:43 GMT 17.04.2025)', '2025-04-17T14:34:00.000Z'],
  ])(
    'reads the written date and time %s in its zone, a time without zone as UTC',
    (text, expected) => {
      expect(parseDate(text, now)).toBe(expected);
    },
  );

  it.each([
    ['April 17, 2025', '2025-04-17T00:00:00.000Z'],
    ['17/04/2025', '2025-04-17T00:00:00.000Z'],
    ['Updated 17.04.2025', '2025-04-17T00:00:00.000Z'],
  ])('reads the written date %s without time as midnight UTC', (text, expected) => {
    expect(parseDate(text, now)).toBe(expected);
  });

  it.each([
    [undefined, '2025-03-02T00:00:00.000Z'],
    ['en', '2025-03-02T00:00:00.000Z'],
    ['en-US', '2025-03-02T00:00:00.000Z'],
    ['en-GB', '2025-02-03T00:00:00.000Z'],
    ['en_AU', '2025-02-03T00:00:00.000Z'],
    ['de', '2025-02-03T00:00:00.000Z'],
  ])('reads the ambiguous 03/02/2025 on a page in locale %s as %s', (locale, expected) => {
    expect(parseDate('03/02/2025', now, { locale })).toBe(expected);
  });

  it.each([
    ['17 avril 2025 à 14h34', 'fr', '2025-04-17T14:34:00.000Z'],
    ['17. April 2025, 14:34 Uhr', 'de-DE', '2025-04-17T14:34:00.000Z'],
    ['17 de abril de 2025', 'es', '2025-04-17T00:00:00.000Z'],
  ])('reads the date %s written in the page language %s', (text, locale, expected) => {
    expect(parseDate(text, now, { locale })).toBe(expected);
  });

  it.each([
    ['3 hours ago', '2025-05-01T12:20:00.000Z'],
    ['Updated 45 minutes ago', '2025-05-01T14:35:00.000Z'],
    ['yesterday', '2025-04-30T00:00:00.000Z'],
    ['2 days ago', '2025-04-29T00:00:00.000Z'],
  ])('counts the relative date %s back from the fetch time', (text, expected) => {
    expect(parseDate(text, now)).toBe(expected);
  });

  it('reads a written date without a year as its latest occurrence up to the fetch time', () => {
    expect(parseDate('Dec 30, 14:00', now)).toBe('2024-12-30T14:00:00.000Z');
    expect(parseDate('May 2', now)).toBe('2025-05-02T00:00:00.000Z');
    expect(parseDate('May 20', now)).toBe('2024-05-20T00:00:00.000Z');
  });

  it('accepts a date up to a day after the fetch time, for zone errors and clock skew', () => {
    expect(parseDate('2025-05-02T15:20:00Z', now)).toBe('2025-05-02T15:20:00.000Z');
    expect(parseDate('2025-05-02T15:21:00Z', now)).toBeNull();
    expect(parseDate('June 17, 2025', now)).toBeNull();
    expect(parseDate('2030-01-01', now)).toBeNull();
  });

  it.each([
    [''],
    ['   '],
    [null],
    [undefined],
    ['not a date'],
    ['0001-01-01T00:00:00Z'],
    ['2024'],
    ['2024-05'],
    ['© 2024'],
    ['© 2024 Valley Herald. All rights reserved.'],
    ['Copyright 2023-2024 Valley Herald'],
    ['(c) 2024 Valley Herald'],
  ])('returns null for %p, which is no publication date', (text) => {
    expect(parseDate(text, now)).toBeNull();
  });
});

describe(dayFirst.name, () => {
  it.each([
    ['17/04/2025', 'en-US', true],
    ['04/17/2025', 'en-GB', false],
    ['04.05.2025', 'en-US', true],
    ['04-05-25', 'en-GB', true],
    ['04-05-25', 'en-PH', false],
    ['04/05/2025', 'fr', true],
    ['04/05/2025', null, false],
    ['April 4, 2025', 'en-GB', false],
  ])('reads %s in locale %s as day first: %s', (text, locale, expected) => {
    expect(dayFirst(text, locale)).toBe(expected);
  });
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
