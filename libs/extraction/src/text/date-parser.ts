import * as chrono from 'chrono-node';
import { DateTime } from 'luxon';

/** Longer text is not a date but a paragraph that mentions one. */
const MAX_DATE_CHARS = 120;

/**
 * Machine-readable forms first, each by a parser that reads the whole string and nothing else
 * (ISO 8601 including `2025-04-17T14:34+0000`, RFC 2822, HTTP dates, SQL's
 * `2019-11-19 02:24:00`), so a meta tag is read
 * exactly. Only then chrono-node, which finds a date in written text (`14:34 GMT 17.04.2025`,
 * `April 17, 2025 2:34 PM EDT`, `3 hours ago`).
 *
 * A time without a zone is read as UTC, whatever the zone of the process, so the same page
 * parses the same everywhere. Relative dates count back from `now`.
 */
export function parseDate(text: string | null | undefined, now: Date): string | null {
  const value = text?.trim();
  if (!value || value.length > MAX_DATE_CHARS) return null;
  const exact = parseMachineDate(value);
  if (exact !== undefined) return exact;
  const written = chrono.parseDate(value, { instant: now, timezone: 'UTC' });
  return written && isPlausible(written) ? written.toISOString() : null;
}

/** The date, null for a machine date that is no real date ("0001-01-01"), undefined for text. */
function parseMachineDate(value: string): string | null | undefined {
  const options = { zone: 'utc', setZone: true } as const;
  const parsers = [
    () => DateTime.fromISO(value, options),
    () => DateTime.fromRFC2822(value, options),
    () => DateTime.fromHTTP(value, options),
    () => DateTime.fromSQL(value, options),
  ];
  for (const parse of parsers) {
    const parsed = parse();
    if (parsed.isValid) return isPlausible(parsed.toJSDate()) ? parsed.toUTC().toISO() : null;
  }
  return undefined;
}

// A year outside this range in a news page is a template placeholder ("0001-01-01") or a number
// that chrono mistook for a date, not a publication date.
function isPlausible(date: Date): boolean {
  const year = date.getUTCFullYear();
  return year >= 1900 && year <= 2200;
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
export function isDateline(line: string, now: Date): boolean {
  if (line.length > MAX_DATE_CHARS) return false;
  const found = chrono.parse(line, { instant: now, timezone: 'UTC' });
  if (found.length === 0) return false;
  let rest = line;
  for (const result of found) rest = rest.replace(result.text, ' ');
  return rest.replace(DATELINE_WORDS, ' ').replace(/[\p{P}\p{S}\s]/gu, '') === '';
}
