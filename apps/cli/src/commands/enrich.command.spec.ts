import { enrichRecord } from './enrich.command';

describe('newsctl enrich', () => {
  it('gives a bare {"id","text"} line its language, countries with focus and evidence, topics', () => {
    const result = enrichRecord({
      id: 'line-1',
      text: 'Qatar and Russia signed an energy deal in Doha on Monday, the Qatari foreign ministry said.\n\nThe agreement follows talks in Moscow last year.',
    });
    expect(result).toMatchObject({ id: 'line-1', language: 'en' });
    const countries = 'countries' in result ? result.countries : [];
    expect(countries.map((c) => [c.code, c.focus])).toEqual([
      ['QA', true],
      ['RU', true],
    ]);
    expect(countries[0]?.spans?.[0]).toEqual({
      text: 'Qatar',
      zone: 'body',
      paragraph: 0,
      start: 0,
      end: 5,
    });
    expect(result.topics.length).toBeGreaterThan(0);
  });

  it('refuses a line that is neither a parsed article nor carries text', () => {
    expect(() => enrichRecord({ id: 'line-2' })).toThrow(
      'expected a parsed article or {"id","text"}',
    );
  });
});
