import { exampleArticleParsed, Topic, validate } from '@newsflow/contracts';
import { enrichArticle } from './enrich-article';
import { ENRICHER_VERSION } from './enricher-version';

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
});
