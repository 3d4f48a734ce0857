import { exampleArticleEnriched } from '@newsflow/contracts';
import type { ArticleEnrichedV1 } from '@newsflow/contracts';
import { fromArticleRows, toArticleRows } from './article.mapper';

/** A sandbox-realm copy of the frozen example (structuredClone's objects fail toStrictEqual). */
function copy(article: ArticleEnrichedV1): ArticleEnrichedV1 {
  return JSON.parse(JSON.stringify(article)) as ArticleEnrichedV1;
}

describe('article mapper', () => {
  it('turns rows made from a message back into the same message', () => {
    const article = copy(exampleArticleEnriched);

    expect(fromArticleRows(toArticleRows(article))).toStrictEqual(article);
  });

  it("keeps each country's confidence through rows and back", () => {
    const article = copy(exampleArticleEnriched);
    article.countries = article.countries.map((country, i) => ({
      ...country,
      confidence: [0, 1, 0.93, 0.5][i],
    }));

    const rows = toArticleRows(article);

    expect(rows.countries.map((c) => c.confidence)).toEqual([0, 1, 0.93, 0.5]);
    expect(fromArticleRows(rows)).toStrictEqual(article);
  });

  it('stores a country without confidence (older enrichers) as null and gives it back without', () => {
    const article = copy(exampleArticleEnriched);
    article.countries = article.countries.map(({ confidence: _dropped, ...older }) => older);

    const rows = toArticleRows(article);

    expect(rows.countries.map((c) => c.confidence)).toEqual([null, null, null, null]);
    const back = fromArticleRows(rows);
    expect(back).toStrictEqual(article);
    expect(back.countries.some((country) => 'confidence' in country)).toBe(false);
  });

  it('keys every tag row by the article id and numbers it in message order', () => {
    const rows = toArticleRows(exampleArticleEnriched);

    expect(rows.countries.map((c) => [c.articleId, c.position, c.code])).toEqual([
      ['7e9030f28acf342c', 0, 'RU'],
      ['7e9030f28acf342c', 1, 'QA'],
      ['7e9030f28acf342c', 2, 'SY'],
      ['7e9030f28acf342c', 3, 'PS'],
    ]);
    expect(rows.topics.map((t) => t.position)).toEqual([0, 1]);
    expect(rows.entities.map((e) => e.position)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('flattens the source into columns and parses timestamps into instants', () => {
    const { article } = toArticleRows({
      ...copy(exampleArticleEnriched),
      publishedAt: '2025-04-17T17:34:00+03:00',
      updatedAt: null,
    });

    expect(article).toMatchObject({
      sourceId: 'seed-pages',
      sourceKind: 'folder',
      sourceName: 'Saved pages (seed)',
      updatedAt: null,
    });
    expect(article.publishedAt?.toISOString()).toBe('2025-04-17T14:34:00.000Z');
  });
});
