import { assertValid, exampleArticleEnriched, Topic } from '@newsflow/contracts';
import { makeBenchArticles } from './store-dataset';

describe(makeBenchArticles.name, () => {
  const articles = makeBenchArticles(500);

  it('makes valid enriched messages with the example’s tag counts', () => {
    for (const article of articles) {
      expect(() => assertValid(Topic.ArticleEnriched, article)).not.toThrow();
      expect(article.countries).toHaveLength(exampleArticleEnriched.countries.length);
      expect(article.topics).toHaveLength(exampleArticleEnriched.topics.length);
      expect(article.entities).toHaveLength(exampleArticleEnriched.entities.length);
    }
  });

  it('gives every article its own id, title, text and content hash', () => {
    for (const field of ['id', 'title', 'bodyText', 'contentHash'] as const) {
      expect(new Set(articles.map((article) => article[field])).size).toBe(articles.length);
    }
  });

  it('keeps each article’s keys unique and its countries by salience, highest first', () => {
    for (const article of articles) {
      const countries = article.countries.map((country) => country.code);
      const entities = article.entities.map((entity) => `${entity.kind}:${entity.name}`);
      expect(new Set(countries).size).toBe(countries.length);
      expect(new Set(entities).size).toBe(entities.length);
      const saliences = article.countries.map((country) => country.salience);
      expect(saliences).toEqual([...saliences].sort((a, b) => b - a));
    }
  });

  it('makes the same articles from the same seed and others from another', () => {
    expect(makeBenchArticles(3)).toEqual(articles.slice(0, 3));
    const other = makeBenchArticles(3, 2);
    expect(other.map((article) => article.id)).not.toEqual(articles.slice(0, 3).map((a) => a.id));
  });
});
