import * as chrono from 'chrono-node';
import { DateTime } from 'luxon';
import { primaryLanguage } from './language-detector';

/** Longer text is not a date but a paragraph that mentions one. */
const MAX_DATE_CHARS = 120;

/**
 * How far past the fetch time a date may lie. A time printed without a zone is read as UTC, which
 * puts it up to 14 hours after the real instant on a page east of Greenwich (UTC+14 at most), a
 * date without a time is midnight of a day that may not have begun in UTC yet, and the
 * publisher's clock may run ahead of the fetcher's; a day covers all three. Later than that, the
 * date is an event the page announces, an expiry or a wrong year, not when the article appeared.
 */
const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000;

/** A copyright line names a year, not when the article appeared ("© 2024 Valley Herald"). */
const COPYRIGHT = /©|\(c\)|\bcopyright\b|\ball rights reserved\b/iu;

/** A year, or a year and month, alone: too coarse to be a publication date. */
const YEAR_ONLY = /^\d{4}(?:[-/.]\d{1,2})?$/u;

/** Seconds (10 digits) or milliseconds (13) since the epoch, as some CMSs write their meta tags. */
const EPOCH = /^\d{10}(?:\d{3})?$/u;

/** A numeric date with the year last: "17/04/2025", "04-05-25", "17.04.2025". */
const NUMERIC_DATE = /\b(\d{1,2})([/.-])(\d{1,2})\2(?:\d{4}|\d{2})\b/u;

/** Regions whose numeric dates put the month first; everywhere else puts the day first. */
const MONTH_FIRST_REGIONS = new Set(['us', 'ph']);

/** chrono-node's parsers for written dates in other languages than English. */
const WRITTEN_IN: Partial<Record<string, chrono.Chrono>> = {
  de: chrono.de.casual,
  es: chrono.es.casual,
  fi: chrono.fi.casual,
  fr: chrono.fr.casual,
  it: chrono.it.casual,
  ja: chrono.ja.casual,
  nl: chrono.nl.casual,
  pt: chrono.pt.casual,
  ru: chrono.ru.casual,
  sv: chrono.sv.casual,
  uk: chrono.uk.casual,
  zh: chrono.zh.casual,
};

export interface DateOptions {
  /**
   * The page's language or locale (`en-GB`, `en_US`, `de`): the language of written dates, and
   * the order of day and month in numeric ones.
   */
  locale?: string | null;
}

/**
 * A publication or update date as ISO 8601 UTC, or null. `now` is the time the document was
 * fetched: relative dates count back from it, and no date may lie more than a day after it.
 *
 * Machine-readable forms first, each by a parser that reads the whole string and nothing else
 * (ISO 8601 including `2025-04-17T14:34+0000`, RFC 2822, HTTP dates, SQL's
 * `2019-11-19 02:24:00`, epoch seconds), so a meta tag is read exactly. Only then chrono-node,
 * which finds a date in written text: `14:34 GMT 17.04.2025`, `April 17, 2025 2:34 PM ET`,
 * `3 hours ago`, `yesterday`, and in the page's language (`17 avril 2025`).
 *
 * - A time without a zone is read as UTC, whatever the zone of the process, so the same page
 *   parses the same everywhere. Zone abbreviations are chrono-node's: ET/EST/EDT, CET, BST,
 *   GMT, MSK… IST, which three zones share, is India's.
 * - A date without a time is midnight UTC of that day, whether written (`April 17, 2025`,
 *   `yesterday`) or ISO (`2025-04-17`).
 * - Numeric dates (see dayFirst): `17/04/2025` is 17 April since 17 cannot be a month;
 *   `04/05/2025` is 4 May on a page whose locale writes the day first, 5 April otherwise.
 * - Not dates: a year alone or with a month (`2024`, `2024-05`), a copyright line, a date
 *   before 1900 (a template's `0001-01-01`), a date more than a day after `now`. A written date
 *   without a year (`Dec 30`) is its latest occurrence up to `now`.
 */
export function parseDate(
  text: string | null | undefined,
  now: Date,
  options: DateOptions = {},
): string | null {
  const value = text?.trim();
  if (!value || value.length > MAX_DATE_CHARS) return null;
  if (COPYRIGHT.test(value) || YEAR_ONLY.test(value)) return null;
  const exact = parseMachineDate(value);
  const date = exact === undefined ? parseWrittenDate(value, now, options.locale) : exact;
  return date !== null && isPlausible(date, now) ? date.toISOString() : null;
}

/** The date, null for a machine date that is no real date ("0001-01-01"), undefined for text. */
function parseMachineDate(value: string): Date | null | undefined {
  if (EPOCH.test(value)) {
    return new Date(value.length === 10 ? Number(value) * 1000 : Number(value));
  }
  const options = { zone: 'utc', setZone: true } as const;
  const parsers = [
    () => DateTime.fromISO(value, options),
    () => DateTime.fromRFC2822(value, options),
    () => DateTime.fromHTTP(value, options),
    () => DateTime.fromSQL(value, options),
  ];
  for (const parse of parsers) {
    const parsed = parse();
    if (parsed.isValid) return parsed.toJSDate();
  }
  return undefined;
}

function parseWrittenDate(
  value: string,
  now: Date,
  locale: string | null | undefined,
): Date | null {
  const reference = { instant: now, timezone: 'UTC' };
  const language = primaryLanguage(locale);
  const english = dayFirst(value, locale) ? chrono.en.GB : chrono.en.casual;
  const parsers = [language === null ? undefined : WRITTEN_IN[language], english];
  for (const parser of parsers) {
    const found = parser?.parse(value, reference) ?? [];
    if (found.length > 0) return pinned(found, now);
  }
  return null;
}

/**
 * chrono's reading, with its guesses replaced by the rules of parseDate (midnight, latest year).
 * Of several readings, the first that names a calendar day wins, so the second date of
 * "14:34 GMT 17.04.2025 (Updated: 14:43 GMT 17.04.2025)" is ignored; when it has no time, it
 * takes the first reading that has one: "Fri 6:45 PM, Feb 16, 2018" is two readings to chrono.
 */
function pinned(found: chrono.ParsedResult[], now: Date): Date {
  const dated =
    found.find(({ start }) => start.isCertain('day') && start.isCertain('month')) ?? found[0];
  const timed = found.find(({ start }) => start.isCertain('hour'));
  if (dated === undefined) return new Date(Number.NaN);
  if (timed === undefined || timed === dated || dated.start.isCertain('hour')) {
    return pinnedOne(dated, now);
  }
  const day = pinnedOne(dated, now);
  const time = timed.start;
  const offset = time.get('timezoneOffset') ?? dated.start.get('timezoneOffset') ?? 0;
  return new Date(
    Date.UTC(
      day.getUTCFullYear(),
      day.getUTCMonth(),
      day.getUTCDate(),
      time.get('hour') ?? 0,
      time.get('minute') ?? 0,
      time.get('second') ?? 0,
    ) -
      offset * 60_000,
  );
}

function pinnedOne(found: chrono.ParsedResult, now: Date): Date {
  const start = found.start;
  let date = start.isCertain('hour')
    ? start.date()
    : new Date(
        Date.UTC(start.get('year') ?? 0, (start.get('month') ?? 1) - 1, start.get('day') ?? 1),
      );
  while (!start.isCertain('year') && date.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
    const earlier = new Date(date);
    earlier.setUTCFullYear(date.getUTCFullYear() - 1);
    date = earlier;
  }
  return date;
}

/**
 * Whether the numeric date in `value` puts the day first. A number above 12 settles it (first:
 * day first; second: month first), and so do dots (`17.04.2025`, never month first). Otherwise
 * the locale decides: month first for the United States and the Philippines (`en-US`), and for
 * English with no region or no locale at all, as most English-language news sites are American;
 * day first for any other region or language (`en-GB`, `de`, `fr-CA`).
 */
export function dayFirst(value: string, locale?: string | null): boolean {
  const match = NUMERIC_DATE.exec(value);
  if (!match) return false;
  const [, first, separator, second] = match;
  if (Number(first) > 12 || separator === '.') return true;
  if (Number(second) > 12) return false;
  const [language, region] = (locale ?? '').toLowerCase().split(/[-_]/u);
  if (!language || language === 'en')
    return region !== undefined && !MONTH_FIRST_REGIONS.has(region);
  return !MONTH_FIRST_REGIONS.has(region ?? '');
}

function isPlausible(date: Date, now: Date): boolean {
  const time = date.getTime();
  return (
    !Number.isNaN(time) &&
    date.getUTCFullYear() >= 1900 &&
    time <= now.getTime() + FUTURE_TOLERANCE_MS
  );
}

// Words a dateline wraps around its dates: "14:34 GMT 17.04.2025 (Updated: 14:43 GMT 17.04.2025)",
// "Published 3 hours ago", "Last modified on April 17, 2025".
const DATELINE_WORDS =
  /\b(?:updated|published|posted|modified|last|first|created|on|at|and|am|pm|gmt|utc)\b/giu;

/**
 * A line that holds dates and nothing else a reader would call text: the date and time lines a
 * page prints under its headline. A sentence that mentions a date ("talks on Thursday") keeps
 * its other words, so it is not one.
 */
/**
 * "Updated 5:27 am CST, Wednesday, November 20, 2019" has five words besides its numbers; a line
 * with many more is a sentence, and chrono (slow next to this count) need not look at it.
 */
const DATELINE_MAX_WORDS = 8;

/** A time, a numeric date, a month's name or a relative day: without one, no line is a dateline. */
const LOOKS_DATED =
  /\d{1,2}:\d{2}|\d{1,4}[./-]\d{1,2}[./-]\d{2,4}|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s|$)|\b(?:ago|yesterday|today)\b/i;

function wordsBesideNumbers(line: string): number {
  return line
    .replace(/[\d\p{P}\p{S}]+/gu, ' ')
    .split(' ')
    .filter((word) => word !== '').length;
}

export function isDateline(line: string, now: Date): boolean {
  if (line.length > MAX_DATE_CHARS || !LOOKS_DATED.test(line)) return false;
  if (wordsBesideNumbers(line) > DATELINE_MAX_WORDS) return false;
  const found = chrono.parse(line, { instant: now, timezone: 'UTC' });
  if (found.length === 0) return false;
  let rest = line;
  for (const result of found) rest = rest.replace(result.text, ' ');
  return rest.replace(DATELINE_WORDS, ' ').replace(/[\p{P}\p{S}\s]/gu, '') === '';
}
