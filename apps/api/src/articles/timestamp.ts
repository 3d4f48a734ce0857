/**
 * The date forms the API takes: `2025-10-01`, or a date and time `2025-10-01T12:00`,
 * `...T12:00:00`, `...T12:00:00.123` (up to 9 decimals, read to the millisecond), each with an
 * optional `Z`, `+02:00` or `+0200` offset (UTC without one). ISO 8601 has more forms (week dates `2024-W05-3`, ordinal dates `2024-035`, years past
 * 9999) that JavaScript's Date cannot read: they reached Postgres as an Invalid Date and failed
 * there with a 500. Years 0001 to 9999 are all inside what Postgres timestamps hold.
 */
const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** The instant `text` names, or null when it is not one of the forms above or no real date. */
export function parseTimestamp(text: string): Date | null {
  const match = TIMESTAMP.exec(text);
  if (!match) return null;
  const [, year, month, day, hour = '0', minute = '0', second = '0', millis = '0', zone] = match;
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  const offsetMinutes = zone === undefined || zone === 'Z' ? 0 : zoneMinutes(zone);
  if (
    y < 1 ||
    m < 1 ||
    m > 12 ||
    d < 1 ||
    d > daysInMonth(y, m) ||
    Number(hour) > 23 ||
    Number(minute) > 59 ||
    Number(second) > 59 ||
    offsetMinutes === null
  ) {
    return null;
  }
  const utc = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0 to 99 as 1900 to 1999.
  utc.setUTCFullYear(y, m - 1, d);
  const ms = Number(millis.slice(0, 3).padEnd(3, '0'));
  utc.setUTCHours(Number(hour), Number(minute), Number(second), ms);
  return new Date(utc.getTime() - offsetMinutes * 60_000);
}

/** `+02:00` or `+0200` -> 120; null past ±23:59. */
function zoneMinutes(zone: string): number | null {
  const hours = Number(zone.slice(1, 3));
  const minutes = Number(zone.slice(-2));
  if (hours > 23 || minutes > 59) return null;
  return (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}
