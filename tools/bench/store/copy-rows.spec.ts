import { exampleArticleEnriched } from '@newsflow/contracts';
import { COPY_TABLES, copyChunks, copyStatement } from './copy-rows';
import { makeBenchArticles } from './store-dataset';

describe('COPY_TABLES', () => {
  it('gives each table rows as wide as its column list', () => {
    for (const table of COPY_TABLES) {
      for (const row of table.rowsOf(exampleArticleEnriched, 7)) {
        expect(row).toHaveLength(table.columns.length);
      }
    }
  });

  it('writes one article and one revision row, and a row per tag', () => {
    const counts = Object.fromEntries(
      COPY_TABLES.map((table) => [table.name, table.rowsOf(exampleArticleEnriched, 1).length]),
    );
    expect(counts).toEqual({
      articles: 1,
      article_revisions: 1,
      article_countries: exampleArticleEnriched.countries.length,
      article_topics: exampleArticleEnriched.topics.length,
      article_entities: exampleArticleEnriched.entities.length,
    });
  });
});

describe(copyStatement.name, () => {
  it('names the table and its columns, quoted', () => {
    const topics = COPY_TABLES.find((table) => table.name === 'article_topics');
    expect(topics && copyStatement(topics)).toBe(
      'COPY "article_topics" ("article_id", "code", "position", "label", "score", "level") FROM STDIN',
    );
  });
});

describe(copyChunks.name, () => {
  const articles = makeBenchArticles(200);
  const articlesTable = COPY_TABLES[0];

  it('cuts only between rows, and numbers the articles from the first sequence given', () => {
    if (articlesTable === undefined) throw new Error('no tables');
    const chunks = [...copyChunks(articlesTable, articles, 41)];
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk.endsWith('\n')).toBe(true);
    const lines = chunks.join('').split('\n').slice(0, -1);
    expect(lines).toHaveLength(articles.length);
    expect(lines.map((line) => line.split('\t').at(-1))).toEqual(
      articles.map((_, index) => String(41 + index)),
    );
  });

  it('escapes the paragraph breaks in the body, so one article stays one line', () => {
    if (articlesTable === undefined) throw new Error('no tables');
    const [chunk] = [...copyChunks(articlesTable, articles.slice(0, 1))];
    expect(articles[0]?.bodyText).toContain('\n\n');
    expect(chunk?.split('\n')).toHaveLength(2);
    expect(chunk).toContain('\\n\\n');
  });
});
