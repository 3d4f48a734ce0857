import {
  comparisonKey,
  normalizeBodyText,
  normalizeText,
  uniqueParagraphs,
} from './text-normalizer';

/** What normalizeText must equal, written the obvious way. */
function byRegex(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000e-\u001f\u007f\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

describe(normalizeText.name, () => {
  it('collapses whitespace and trims', () => {
    expect(normalizeText('  Hello,\n\t world \u00a0 again  ')).toBe('Hello, world again');
  });

  it('removes invisible characters without leaving a space', () => {
    expect(normalizeText('co\u00adop\u200beration\ufeff')).toBe('cooperation');
    expect(normalizeText('a \u200b b')).toBe('a b');
    expect(normalizeText('\u200b\u00ad')).toBe('');
  });

  it('removes NUL and the other control characters that are not whitespace', () => {
    expect(normalizeText('a\u0000b\u0001c\u001fd\u007fe')).toBe('abcde');
    expect(normalizeText('\u0000')).toBe('');
    // Tab, line feed, vertical tab, form feed and carriage return are whitespace: one space.
    expect(normalizeText('a\t\n\u000b\u000c\rb')).toBe('a b');
  });

  it('returns clean text as it is', () => {
    const text = 'Already clean text, one space apart.';
    expect(normalizeText(text)).toBe(text);
    expect(normalizeText('')).toBe('');
  });

  it('treats every code unit as the regular expressions do', () => {
    const differing: number[] = [];
    for (let code = 0; code < 0x10000; code++) {
      const char = String.fromCharCode(code);
      for (const text of [char, `a${char}b`, `a ${char} b`, `${char}${char}x`]) {
        if (normalizeText(text) !== byRegex(text)) differing.push(code);
      }
    }
    expect(differing).toEqual([]);
  });

  it('agrees with the regular expressions on random mixes', () => {
    const alphabet = [
      'a',
      'B',
      'é',
      ' ',
      '  ',
      '\n',
      '\t',
      '\u00a0',
      '\u2009',
      '\u3000',
      '\u200b',
      '\u00ad',
      '\ufeff',
      '\u2060',
      '.',
      '中',
    ];
    let seed = 42;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let round = 0; round < 5000; round++) {
      let text = '';
      const length = Math.floor(random() * 12);
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      expect(normalizeText(text)).toBe(byRegex(text));
    }
  });
});

describe(comparisonKey.name, () => {
  it('ignores case and spacing', () => {
    expect(comparisonKey(' The  Headline ')).toBe(comparisonKey('the headline'));
  });
});

describe(uniqueParagraphs.name, () => {
  it('keeps the first of repeated paragraphs and drops empty ones', () => {
    expect(uniqueParagraphs(['One.', ' ', 'one. ', 'Two.'])).toEqual(['One.', 'Two.']);
  });

  it('keeps soft hyphens, and takes a paragraph that differs only by them for a repeat', () => {
    expect(uniqueParagraphs(['Schiff\u00adfahrt.', 'Schifffahrt.', '\u00ad'])).toEqual([
      'Schiff\u00adfahrt.',
    ]);
  });
});

describe(`${uniqueParagraphs.name} on lists and copies`, () => {
  it('keeps a short line that recurs in a list or a table, after a line it kept', () => {
    expect(
      uniqueParagraphs([
        'Meal 1',
        'Eat every 2–3 hours',
        'Eggs.',
        'Meal 2',
        'Eat every 2–3 hours',
        'Salad.',
      ]),
    ).toEqual([
      'Meal 1',
      'Eat every 2–3 hours',
      'Eggs.',
      'Meal 2',
      'Eat every 2–3 hours',
      'Salad.',
    ]);
  });

  it('drops the short lines of a second copy of the story, and a line doubled in place', () => {
    const long = (n: string): string =>
      `This is paragraph ${n} of the story, long enough to be taken for prose by any reader at all.`;
    expect(
      uniqueParagraphs([
        long('one'),
        'A subheading',
        long('two'),
        long('one'),
        'A subheading',
        long('two'),
        'Tail',
        'Tail',
      ]),
    ).toEqual([long('one'), 'A subheading', long('two'), 'Tail']);
  });
});

describe(normalizeBodyText.name, () => {
  it("keeps soft hyphens, the author's marks of where a word may break", () => {
    expect(normalizeBodyText(' Donau\u00addampf\u00adschiff\u200b  fahrt ')).toBe(
      'Donau\u00addampf\u00adschiff fahrt',
    );
  });

  it('is normalizeText for text without soft hyphens', () => {
    expect(normalizeBodyText('a\u0000b \u200b  c\n')).toBe(normalizeText('a\u0000b \u200b  c\n'));
  });
});
