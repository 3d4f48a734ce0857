import { keyOf, placeGazetteer } from './place-gazetteer';

describe('placeGazetteer', () => {
  const gazetteer = placeGazetteer();
  const codesOf = (name: string, shouted = false): (string | null)[] =>
    gazetteer.lookup(keyOf(name), shouted)?.senses.map((sense) => sense.code) ?? [];

  it('knows names, official names, demonyms and capitals from the datasets', () => {
    expect(codesOf('Qatar')).toEqual(['QA']);
    expect(codesOf('Russian Federation')).toEqual(['RU']);
    expect(codesOf('Qatari')).toEqual(['QA']);
    expect(codesOf('Syrians')).toEqual(['SY']);
    expect(codesOf('Moscow')[0]).toBe('RU');
    expect(codesOf('Ivory Coast')).toEqual(['CI']);
    expect(codesOf('Turkey')).toEqual(['TR']);
  });

  it('knows states and large cities', () => {
    expect(codesOf('California')).toEqual(['US']);
    expect(codesOf('Ontario')).toContain('CA');
    expect(codesOf('Toronto')).toEqual(['CA']);
  });

  it('lets the curated names override the datasets', () => {
    expect(codesOf('Gaza Strip')).toEqual(['PS']);
    expect(codesOf('Kremlin')).toEqual(['RU']);
    expect(codesOf('American')).toEqual(['US']);
    expect(codesOf('Europe')).toEqual([null]);
  });

  it('lists both senses of an ambiguous name, the country first', () => {
    expect(codesOf('Georgia')).toEqual(['GE', 'US']);
  });

  it('matches case as written, and capitals only when asked to', () => {
    expect(codesOf('US')).toEqual(['US']);
    expect(codesOf('us')).toEqual([]);
    expect(codesOf('MOSCOW')).toEqual([]);
    expect(codesOf('MOSCOW', true)[0]).toBe('RU');
  });

  it('leaves out bare two-letter ISO codes, which are English words', () => {
    for (const word of ['IN', 'IT', 'NO', 'BE', 'AT']) expect(codesOf(word)).toEqual([]);
  });

  it('leaves out small towns named like common words', () => {
    expect(codesOf('Independence')).toEqual([]);
    expect(codesOf('Emir')).toEqual([]);
  });
});
