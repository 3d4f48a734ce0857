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
});
