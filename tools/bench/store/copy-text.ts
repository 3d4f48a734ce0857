/**
 * Values as Postgres's COPY text format reads them (the default format of `COPY ... FROM STDIN`):
 * one line per row, columns split by tabs, `\N` for NULL, and a backslash escape for the
 * characters that would break the line or the column.
 * https://www.postgresql.org/docs/15/sql-copy.html#id-1.9.3.55.9.2
 */

/** What a column holds. jsonb and text[] columns are passed as their literals: see below. */
export type CopyValue = string | number | boolean | Date | null;

/** NULL in COPY text format: a backslash and N, which an escaped string can never be. */
const NULL_FIELD = '\\N';

const ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/**
 * One field: the value's text with backslash, newline, carriage return and tab escaped. Any
 * other character (quotes, other control characters, any Unicode) goes through as it is.
 */
export function copyField(value: CopyValue): string {
  if (value === null) return NULL_FIELD;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') {
    // NaN and Infinity are legal in a double precision column, not in an integer one: a bench
    // row with one is a bug in the generator, so say so here instead of in a COPY error.
    if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    return String(value);
  }
  return value.replace(/[\\\n\r\t]/g, (char) => ESCAPES[char] ?? char);
}

/** One row: the fields tab-separated, ending in a newline. */
export function copyRow(values: readonly CopyValue[]): string {
  return `${values.map(copyField).join('\t')}\n`;
}

/** A jsonb column's value: its JSON text, which copyField then escapes like any string. */
export function jsonLiteral(value: unknown): string {
  return JSON.stringify(value);
}

/**
 * A text[] column's value as a Postgres array literal, e.g. `{"a","b \"c\""}`. Every element is
 * quoted (so commas, braces, spaces and the word NULL stay text) with `"` and `\` escaped by a
 * backslash; copyField then escapes the literal's backslashes again for COPY.
 */
export function textArrayLiteral(items: readonly string[]): string {
  const quoted = items.map((item) => `"${item.replace(/["\\]/g, (char) => `\\${char}`)}"`);
  return `{${quoted.join(',')}}`;
}
