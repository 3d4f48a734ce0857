import { copyField, copyRow, jsonLiteral, textArrayLiteral } from './copy-text';

describe(copyField.name, () => {
  it('escapes backslash, newline, carriage return and tab, and nothing else', () => {
    expect(copyField('a\tb\nc\rd\\e')).toBe('a\\tb\\nc\\rd\\\\e');
    expect(copyField('"quoted", \'single\' — ünïcode ✓')).toBe('"quoted", \'single\' — ünïcode ✓');
  });

  it('writes NULL as \\N, which no escaped string can be', () => {
    expect(copyField(null)).toBe('\\N');
    expect(copyField('\\N')).toBe('\\\\N');
    expect(copyField('')).toBe('');
  });

  it('writes booleans, numbers and dates as Postgres reads them', () => {
    expect(copyField(true)).toBe('t');
    expect(copyField(false)).toBe('f');
    expect(copyField(0.92)).toBe('0.92');
    expect(copyField(-3)).toBe('-3');
    expect(copyField(new Date('2025-04-17T14:34:00.000Z'))).toBe('2025-04-17T14:34:00.000Z');
  });

  it('refuses NaN and Infinity rather than write what an integer column rejects', () => {
    expect(() => copyField(Number.NaN)).toThrow(/finite/);
    expect(() => copyField(Number.POSITIVE_INFINITY)).toThrow(/finite/);
  });
});

describe(copyRow.name, () => {
  it('joins the fields with tabs and ends the line', () => {
    expect(copyRow(['id\t1', null, 2, true])).toBe('id\\t1\t\\N\t2\tt\n');
  });
});

describe(jsonLiteral.name, () => {
  it("keeps JSON's own escapes, which COPY's escaping then doubles", () => {
    const literal = jsonLiteral(['line one\nline two', 'back\\slash', 'tab\t']);
    expect(literal).toBe('["line one\\nline two","back\\\\slash","tab\\t"]');
    expect(copyField(literal)).toBe('["line one\\\\nline two","back\\\\\\\\slash","tab\\\\t"]');
  });
});

describe(textArrayLiteral.name, () => {
  it('quotes every element, so commas, braces, spaces and NULL stay text', () => {
    expect(textArrayLiteral(['title', 'a, b', '{x}', 'NULL', ' '])).toBe(
      '{"title","a, b","{x}","NULL"," "}',
    );
  });

  it('escapes quotes and backslashes inside elements', () => {
    expect(textArrayLiteral(['say "hi"', 'C:\\dir'])).toBe('{"say \\"hi\\"","C:\\\\dir"}');
  });

  it('writes an empty array as {}', () => {
    expect(textArrayLiteral([])).toBe('{}');
  });

  it('is escaped again as a COPY field: the array backslash doubles', () => {
    expect(copyField(textArrayLiteral(['a"b\tc']))).toBe('{"a\\\\"b\\tc"}');
  });
});
