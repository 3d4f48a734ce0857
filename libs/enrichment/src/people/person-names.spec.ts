import {
  canonicalName,
  clusterNames,
  MAX_NAME_SPELLINGS,
  nameParts,
  samePerson,
  surnameForms,
} from './person-names';

describe(samePerson.name, () => {
  it('takes two spellings of an Arabic middle name for one person', () => {
    expect(samePerson('Tamim bin Hamad Al Thani', 'Tamim Benhamad Al Thani')).toBe(true);
  });

  it('takes a name with and without its middle part for one person', () => {
    expect(samePerson('Vladimir Putin', 'Vladimir Vladimirovich Putin')).toBe(true);
    expect(samePerson('Bashar al-Assad', 'Bashar Assad')).toBe(true);
  });

  it('keeps apart people who share only a surname or only a first name', () => {
    expect(samePerson('Hamad bin Khalifa Al Thani', 'Tamim bin Hamad Al Thani')).toBe(false);
    expect(samePerson('Dmitry Peskov', 'Dmitry Medvedev')).toBe(false);
  });

  it('keeps apart middles that differ more than a spelling does', () => {
    expect(samePerson('George Herbert Walker Bush', 'George Walker Bush')).toBe(false);
  });

  it('never merges a lone surname: that is attached later, not merged', () => {
    expect(samePerson('Putin', 'Vladimir Putin')).toBe(false);
  });
});

describe(nameParts.name, () => {
  it('keeps particles before the surname out of the middle', () => {
    expect(nameParts('Tamim bin Hamad Al Thani')).toEqual({
      tokens: ['tamim', 'bin', 'hamad', 'al', 'thani'],
      first: 'tamim',
      last: 'thani',
      middle: 'binhamad',
    });
  });
});

describe(surnameForms.name, () => {
  it('gives the surname with and without its particles, longest first', () => {
    expect(surnameForms('Tamim bin Hamad Al Thani')).toEqual(['Al Thani', 'Thani']);
    expect(surnameForms('Dmitry Peskov')).toEqual(['Peskov']);
    expect(surnameForms('Peskov')).toEqual([]);
  });
});

describe(clusterNames.name, () => {
  it('groups spellings of one person and counts each', () => {
    const clusters = clusterNames([
      'Tamim bin Hamad Al Thani',
      'Vladimir Putin',
      'Tamim Benhamad Al Thani',
      'Vladimir Putin',
    ]);
    expect(clusters).toHaveLength(2);
    expect([...(clusters[0]?.fullForms ?? [])]).toEqual([
      ['Tamim bin Hamad Al Thani', 1],
      ['Tamim Benhamad Al Thani', 1],
    ]);
    expect(clusters[1]?.fullForms.get('Vladimir Putin')).toBe(2);
  });

  it('puts a spelling with the same person each time', () => {
    // "Ali Hassan" joins the first person, and would match "Ali Xyzwvuts Hassan" too: that
    // spelling still stays with the person it joined, counted once in one person.
    const clusters = clusterNames([
      'Ali Abcdefgh Hassan',
      'Ali Xyzwvuts Hassan',
      'Ali Hassan',
      'Ali Xyzwvuts Hassan',
    ]);
    expect(clusters.map((cluster) => [...cluster.fullForms])).toEqual([
      [
        ['Ali Abcdefgh Hassan', 1],
        ['Ali Hassan', 1],
      ],
      [['Ali Xyzwvuts Hassan', 2]],
    ]);
  });

  it('groups up to MAX_NAME_SPELLINGS spellings, and counts the known ones past it', () => {
    const spellings = Array.from({ length: MAX_NAME_SPELLINGS + 1 }, (_, i) => `John Smith${i}`);

    expect(clusterNames(spellings.slice(0, MAX_NAME_SPELLINGS))).toHaveLength(MAX_NAME_SPELLINGS);
    const clusters = clusterNames([...spellings, 'John Smith0']);
    expect(clusters).toHaveLength(MAX_NAME_SPELLINGS);
    expect(clusters[0]?.fullForms.get('John Smith0')).toBe(2);
    expect(
      clusters.some((cluster) => cluster.fullForms.has(`John Smith${MAX_NAME_SPELLINGS}`)),
    ).toBe(false);
  });

  it('groups many spellings of one first name and surname in linear time', () => {
    // Each new spelling was compared with every spelling before it: 8 to 17 s on such a page.
    const middles = Array.from({ length: 20_000 }, (_, i) => `John ${i.toString(36)}x Smith`);
    const started = Date.now();

    clusterNames(middles);

    expect(Date.now() - started).toBeLessThan(3000);
  });
});

describe(canonicalName.name, () => {
  it('prefers the commonest full form, then the longest', () => {
    const [emir] = clusterNames(['Tamim Benhamad Al Thani', 'Tamim bin Hamad Al Thani']);
    expect(emir && canonicalName(emir)).toBe('Tamim bin Hamad Al Thani');
    const [putin] = clusterNames([
      'Vladimir Vladimirovich Putin',
      'Vladimir Putin',
      'Vladimir Putin',
    ]);
    expect(putin && canonicalName(putin)).toBe('Vladimir Putin');
  });
});
