import { exampleArticleParsed, Topic, validate } from '@newsflow/contracts';
import type { ArticleEnrichedV1 } from '@newsflow/contracts';
import { enrichArticle } from './enrich-article';
import { ENRICHER_VERSION } from './enricher-version';
import { MAX_TAGGED_CHARS } from './text/text-zones';

const MB = 1_000_000;
/** `unit` repeated to `size` characters. */
const fill = (unit: string, size: number): string =>
  unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
/** Capitalised made-up words, "Zqab" to "Zqzz": no list knows them. */
const madeUp = Array.from({ length: 676 }, (_, i) => {
  const letter = (k: number): string => String.fromCharCode(97 + (k % 26));
  return `Zq${letter(Math.floor(i / 26))}${letter(i)}`;
});
const tagsOf = ({ countries, topics, entities }: ArticleEnrichedV1): unknown => ({
  countries,
  topics,
  entities,
});
const withBody = (bodyText: string): typeof exampleArticleParsed => ({
  ...exampleArticleParsed,
  title: 'T',
  lead: null,
  bodyText,
});

describe(enrichArticle.name, () => {
  it('produces a message that fits news.article.enriched.v1', () => {
    const enriched = enrichArticle(exampleArticleParsed);
    const result = validate(Topic.ArticleEnriched, enriched);
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('keeps the parsed article and adds tags and the enricher version', () => {
    const enriched = enrichArticle(exampleArticleParsed);
    expect(enriched).toMatchObject({ ...exampleArticleParsed, enricherVersion: ENRICHER_VERSION });
    expect(enriched.countries.map((country) => country.code).sort()).toEqual([
      'PS',
      'QA',
      'RU',
      'SY',
    ]);
    expect(enriched.topics.length).toBeGreaterThan(0);
    expect(enriched.entities.length).toBeGreaterThan(0);
  });

  it('gives a valid message for an article with no places, people or topics', () => {
    const enriched = enrichArticle({
      ...exampleArticleParsed,
      title: 'A quiet afternoon',
      lead: null,
      paragraphs: ['The cat sat on the mat.'],
      bodyText: 'The cat sat on the mat.',
    });
    expect(enriched).toMatchObject({ countries: [], topics: [], entities: [] });
    expect(validate(Topic.ArticleEnriched, enriched).ok).toBe(true);
  });

  describe('on hostile text', () => {
    beforeAll(() => {
      // The first call builds the gazetteer: not part of any one article's cost.
      enrichArticle(exampleArticleParsed);
    });

    // Each of these had taken seconds to minutes, or crashed the stage out of memory.
    const hostile: [string, () => string][] = [
      ['". " to 50 KB', () => fill('. ', 50_000)],
      ['1 MB of "U.S. U.K. E.U. Mr. "', () => fill('U.S. U.K. E.U. Mr. ', MB)],
      ['1 MB of capitalised words', () => fill(`${madeUp.join(' ')} `, MB)],
      ['1 MB of country names', () => fill('France Germany Qatar Russia Syria ', MB)],
      ['1 MB of person names', () => fill('John Smith Vladimir Putin Barack Obama ', MB)],
      [
        '1 MB of distinct person names',
        () => fill(madeUp.map((w) => `John ${w} said. `).join(''), MB),
      ],
      ['1 MB of names joined by "and"', () => fill(`${madeUp.join(' and ')} and `, MB)],
      ['10^6 paragraphs', () => 'Hello there.\n\n'.repeat(1_000_000)],
      ['a single 1 MB word', () => 'a'.repeat(MB)],
      ['1 MB of one CJK character', () => '中'.repeat(MB)],
      ['1 MB of combining marks', () => `a${'\u0301'.repeat(MB)}`],
      ['1 MB of emoji', () => '😀'.repeat(MB / 2)],
    ];

    it.each(hostile)(
      'tags %s within seconds, as a valid message',
      (_case, body) => {
        const article = withBody(body());
        const started = Date.now();

        const enriched = enrichArticle(article);

        expect(Date.now() - started).toBeLessThan(3000);
        const result = validate(Topic.ArticleEnriched, enriched);
        expect(result.ok ? [] : result.problems).toEqual([]);
        // The tags stay small whatever the text: spans, entities and names are capped.
        expect(JSON.stringify(tagsOf(enriched)).length).toBeLessThan(200_000);
      },
      30_000,
    );

    it.each(hostile.filter(([, body]) => body().length > MAX_TAGGED_CHARS))(
      'tags %s as it tags its first MAX_TAGGED_CHARS characters',
      (_case, body) => {
        const text = body();
        const more = `${text}\n\nQatar and Vladimir Putin, the Zqab Bank. ${text}`;

        expect(tagsOf(enrichArticle(withBody(more)))).toEqual(
          tagsOf(enrichArticle(withBody(text))),
        );
      },
      30_000,
    );

    it('reads a place just inside MAX_TAGGED_CHARS, and not one just past it', () => {
      const filler = fill('the cat sat on the mat ', MAX_TAGGED_CHARS - 'T'.length - 20);
      const codes = (body: string): string[] =>
        enrichArticle(withBody(body)).countries.map((country) => country.code);

      expect(codes(`${filler} Qatar`)).toEqual(['QA']);
      expect(codes(`${filler}${' '.repeat(20)} Qatar`)).toEqual([]);
    });
  });
});
