import { isHeadlineCase, toZones } from './text-zones';

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
