import type { EntityV1 } from '@newsflow/contracts';
import { loadLabelledArticles, scoreEntities } from './entity-score';
import type { LabelledArticle } from './entity-score';

// People and organisations on 24 real articles of the extraction benchmark (MIT), labelled by
// hand (tests/fixtures/entities/ORIGIN.md). The floors are what compromise's tagger scored on
// them (npm run bench:enrich printed it before the name finder replaced it): the faster finder
// must name at least as well. It scored person P 0.941 R 0.915, organisation P 0.686 R 0.393
// when written.
const COMPROMISE = {
  person: { precision: 0.849, recall: 0.714 },
  organisation: { precision: 0.602, recall: 0.292 },
};

describe('entity quality on hand-labelled articles', () => {
  let articles: LabelledArticle[];
  let found: Map<string, EntityV1[]>;
  beforeAll(async () => {
    // Imported lazily, as the benches do (the library builds its gazetteer on first use).
    const { tagText } = await import('@newsflow/enrichment');
    articles = loadLabelledArticles();
    found = new Map(articles.map((article) => [article.id, tagText(article).entities]));
  });

  it('holds 24 articles with both kinds labelled', () => {
    expect(articles).toHaveLength(24);
    expect(
      articles.every((article) => article.people.length + article.organisations.length > 0),
    ).toBe(true);
  });

  it.each(['person', 'organisation'] as const)(
    'names %s entities at least as well as compromise did',
    (kind) => {
      const score = scoreEntities(articles, (article) => found.get(article.id) ?? [], kind);
      expect(score.precision).toBeGreaterThanOrEqual(COMPROMISE[kind].precision);
      expect(score.recall).toBeGreaterThanOrEqual(COMPROMISE[kind].recall);
    },
  );
});
