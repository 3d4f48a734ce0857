import { COUNTRY_NAME_LANGUAGES } from '../data/country-name-locales';
import { placeGazetteer } from './build-gazetteer';
import { keyOf } from './name-keys';

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

  it('keeps small towns of a known name apart, as namesakes, one per country', () => {
    const paris = gazetteer.lookup(keyOf('Paris'), false);
    expect(paris?.senses.map((sense) => sense.code)).toEqual(['FR']);
    expect(paris?.namesakes?.map((sense) => sense.code)).toContain('US');
    expect(paris?.namesakes?.every((sense) => sense.minor)).toBe(true);
    // A small town's name that is no known place is not known at all.
    expect(gazetteer.lookup(keyOf('Slidell'), false)).toBeUndefined();
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

  it('knows disputed areas by the state the README assigns them to', () => {
    expect(codesOf('Gaza')).toEqual(['PS']);
    expect(codesOf('Crimea')).toEqual(['UA']);
    expect(codesOf('Golan Heights')).toEqual(['SY']);
    expect(codesOf('Kosovo')).toEqual(['XK']);
    expect(codesOf('Kashmir')).toEqual([null]);
  });

  it('knows country names in the registered languages, with regular inflections', () => {
    expect(COUNTRY_NAME_LANGUAGES).toEqual(
      expect.arrayContaining(['fr', 'de', 'es', 'it', 'pt', 'ru', 'ar']),
    );
    expect(codesOf('Allemagne')).toEqual(['DE']);
    expect(codesOf('Rusia')).toEqual(['RU']);
    expect(codesOf('Katar')).toEqual(['QA']);
    expect(codesOf('Russlands')).toEqual(['RU']);
    expect(codesOf('России')).toEqual(['RU']);
    expect(codesOf('وقطر')).toEqual(['QA']);
  });

  it('takes no foreign name that is an English word, first name or other place', () => {
    // Iceland in German and Swedish, Mauritius in French, India in Polish.
    expect(codesOf('Island')).toEqual([]);
    expect(codesOf('Maurice')).toEqual([]);
    expect(codesOf('Indie')).toEqual([]);
  });

  it('holds leaders apart from places: a leader’s name is no place name', () => {
    expect(gazetteer.officeSense('Putin')).toMatchObject({ code: 'RU', office: 'President' });
    expect(gazetteer.isPlaceName('Putin')).toBe(false);
    expect(gazetteer.isPlaceName('Qatar')).toBe(true);
  });

  it('compiles the names into a trie of folded tokens', () => {
    const gaza = gazetteer.names.next?.get('Gaza')?.next?.get('Strip')?.entry;
    expect(gaza?.senses.map((sense) => sense.code)).toEqual(['PS']);
    expect(gazetteer.shoutedNames.next?.get('MOSCOW')?.entry?.key).toBe('Moscow');
    expect(gazetteer.names.next?.get('Cote')?.next?.get('Ivoire')?.entry?.key).toBe(
      keyOf("Côte d'Ivoire"),
    );
  });

  it('passes over lower-case words that start no name, and only those', () => {
    const firstWords = [...(gazetteer.names.next?.keys() ?? [])];
    const lowerCase = firstWords.filter((word) => /^[a-z]/.test(word));
    expect(lowerCase.length).toBeGreaterThan(0);
    for (const word of lowerCase) expect(gazetteer.mayStartName(word)).toBe(true);
    for (const word of ['said', 'talks', 'with', 'to', 'a'])
      expect(gazetteer.mayStartName(word)).toBe(false);
    // An elided article, a possessive or letters outside ASCII are always looked up.
    for (const word of ['Paris', 'MOSCOW', 'The', "l'Allemagne", 'dell’Iran', "as's", 'zürich'])
      expect(gazetteer.mayStartName(word)).toBe(true);
  });

  it('passes over capitalised words that start no name, never over one that does', () => {
    const firstWords = [
      ...(gazetteer.names.next?.keys() ?? []),
      ...(gazetteer.shoutedNames.next?.keys() ?? []),
    ];
    for (const word of firstWords) expect(gazetteer.mayBeFirstWord(word)).toBe(true);
    for (const word of firstWords.filter((first) => /^[A-Z0-9][A-Za-z0-9]*$/.test(first)))
      expect(gazetteer.mayStartName(word)).toBe(true);
    for (const word of ['Monday', 'But', 'Said', 'President', '1234'])
      expect(gazetteer.mayStartName(word)).toBe(false);
  });
});
