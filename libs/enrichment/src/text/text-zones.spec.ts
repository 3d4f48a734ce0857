import { isHeadlineCase, MAX_TAGGED_CHARS, prefix, toZones } from './text-zones';

describe(toZones.name, () => {
  it('splits title, lead and body paragraphs in reading order', () => {
    const zones = toZones({ title: 'Title here', lead: 'The lead.', text: 'One.\n\nTwo.' });
    expect(zones.map((zone) => [zone.kind, zone.order, zone.text])).toEqual([
      ['title', 0, 'Title here'],
      ['lead', 1, 'The lead.'],
      ['body', 2, 'One.'],
      ['body', 3, 'Two.'],
    ]);
  });

  it('counts a lead that repeats the first paragraph once, as the lead', () => {
    const zones = toZones({ lead: 'Same  text.', text: 'Same text.\n\nNext.' });
    expect(zones.map((zone) => zone.kind)).toEqual(['lead', 'body']);
  });

  it('collapses every run of whitespace, and leaves single spaces be', () => {
    const zones = toZones({ text: ' One\t two\u00a0 three  four \n\nFive six.' });
    expect(zones.map((zone) => zone.text)).toEqual(['One two three four', 'Five six.']);
  });

  describe('on a text longer than MAX_TAGGED_CHARS', () => {
    const bodyChars = (text: string, title = ''): number =>
      toZones({ title, text })
        .filter((zone) => zone.kind === 'body')
        .reduce((sum, zone) => sum + zone.text.length, 0);

    it('reads a text of MAX_TAGGED_CHARS characters whole, and cuts one character more', () => {
      const text = 'a'.repeat(MAX_TAGGED_CHARS);

      expect(bodyChars(text)).toBe(MAX_TAGGED_CHARS);
      expect(bodyChars(`${text}b`)).toBe(MAX_TAGGED_CHARS);
    });

    it('counts the title and the lead first', () => {
      const zones = toZones({
        title: 'T'.repeat(MAX_TAGGED_CHARS - 10),
        lead: 'L'.repeat(20),
        text: 'Body.',
      });

      expect(zones.map((zone) => [zone.kind, zone.text.length])).toEqual([
        ['title', MAX_TAGGED_CHARS - 10],
        ['lead', 10],
      ]);
    });

    it('keeps paragraph indices and offsets, and drops what follows the cut', () => {
      const paragraph = 'Hello there.';
      const text = `${paragraph}\n\n`.repeat(1_000_000);

      const zones = toZones({ text });

      const kept = Math.ceil(MAX_TAGGED_CHARS / (paragraph.length + 2));
      expect(zones).toHaveLength(kept);
      expect(zones[kept - 2]).toMatchObject({ paragraph: kept - 2, text: 'Hello there.' });
      // The last paragraph is cut at its space.
      expect(zones[kept - 1]).toMatchObject({ paragraph: kept - 1, text: 'Hello' });
      expect(toZones({ text: `${text}Qatar` })).toEqual(zones);
    });
  });

  it('skips a missing title or lead', () => {
    expect(toZones({ title: null, lead: '  ', text: 'Body.' }).map((z) => z.kind)).toEqual([
      'body',
    ]);
  });
});

describe(isHeadlineCase.name, () => {
  it('tells a headline from a sentence full of names', () => {
    expect(
      isHeadlineCase('Talks Between Putin and Al Thani Mark Significant Step Forward - Kremlin'),
    ).toBe(true);
    expect(
      isHeadlineCase(
        'The talks between Russian President Vladimir Putin and Emir of Qatar Tamim bin Hamad Al Thani are an important step forward in the development of relations between Russia and Qatar, Kremlin spokesman Dmitry Peskov said on Thursday.',
      ),
    ).toBe(false);
  });

  it('counts letters outside ASCII as the expression \\p{L} does', () => {
    expect(isHeadlineCase('Élections Générales Über Straße')).toBe(true);
    expect(isHeadlineCase('élections générales über straße')).toBe(false);
    expect(isHeadlineCase('Москва Говорит Сегодня утром')).toBe(true);
    // Against the expression itself: a letter beyond the BMP (𝐀) counts once, a mark not at all.
    const byExpression = (text: string): boolean => {
      const words = text.match(/\p{L}{4,}/gu) ?? [];
      const capitalised = words.filter((word) => /^\p{Lu}/u.test(word)).length;
      return words.length >= 3 && capitalised / words.length >= 0.75;
    };
    for (const text of [
      'Été Éta Ümla Öffentlich Grüße',
      '𝐀𝐁𝐂 Ümla Öffentlich Grüße nothing',
      'Abc𝐀 Defg Hijk lmno',
      'Cafe\u0301s Noir Blanc Rouge',
      'One Two Three',
    ]) {
      expect(isHeadlineCase(text)).toBe(byExpression(text));
    }
  });
});

describe(prefix.name, () => {
  it('keeps a text no longer than the limit as it is', () => {
    expect(prefix('Indiana', 7)).toBe('Indiana');
  });

  it('ends the cut at a space rather than inside a word', () => {
    // Cut in two, "Indiana" would read "India".
    expect(prefix('Flights to Indiana', 16)).toBe('Flights to');
  });

  it('cuts a word with no space near the limit at the limit', () => {
    expect(prefix('a'.repeat(1_000_000), 100)).toBe('a'.repeat(100));
  });

  it('never cuts a pair of UTF-16 units in two', () => {
    expect(prefix('😀'.repeat(10), 5)).toBe('😀😀');
  });
});
