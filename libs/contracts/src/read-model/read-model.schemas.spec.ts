import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { exampleArticleEnriched } from '../examples';
import type { ArticleWithHistory, ArticleRevision, StoredArticleInfo } from './article-history';
import type { ArticlePage, ArticleSummary } from './article-page';
import type { ArticleStats } from './article-stats';
import type { Story, StoryCopy } from './story';
import {
  articlePageSchema,
  articleRevisionSchema,
  articleStatsSchema,
  articleSummarySchema,
  articleWithHistorySchema,
  readModelSchemas,
  storedArticleInfoSchema,
  storyCopySchema,
  storySchema,
} from './read-model.schemas';

// The same compile-time tie as the message schemas': a field the interface has and the schema
// lacks (or the other way round) stops this file compiling.
type Same<A, B> =
  (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false;
type Declares<S extends { properties: object; required: readonly string[] }, T> =
  Same<keyof S['properties'], keyof T> extends true ? Same<S['required'][number], keyof T> : false;
/** The properties of the stats schema, one grouping each. */
type Stats = (typeof articleStatsSchema)['properties'];
type Item<T> = T extends readonly (infer I)[] ? I : never;

const summary: ArticleSummary = {
  id: 'seed-1',
  url: 'https://example.com/news/1',
  title: 'Talks resume',
  lead: null,
  publishedAt: '2026-03-01T10:00:00.000Z',
  language: 'en',
  source: { id: 'example', kind: 'feed', name: 'Example News' },
  countries: [
    { code: 'QA', focus: true, salience: 0.9, mentions: 3, confidence: 0.98 },
    { code: 'SY', focus: false, salience: 0.2, mentions: 1, confidence: null },
  ],
  topics: [{ code: 'medtop:11000000', label: 'politics', score: 0.8, level: null }],
  storyId: 'seed-1',
  storySimilarity: 1,
  ingestSeq: '42',
  revision: 2,
  firstStoredAt: '2026-03-01T10:00:01.000Z',
  lastStoredAt: '2026-03-02T08:00:00.000Z',
};

const revision: ArticleRevision = {
  revision: 1,
  contentHash: 'abc',
  title: 'Talks resume',
  lead: 'Delegations met.',
  paragraphs: ['Delegations met.'],
  publishedAt: null,
  updatedAt: '2026-03-01T11:00:00.000Z',
  storedAt: '2026-03-01T10:00:01.000Z',
};

const stored: StoredArticleInfo = {
  ingestSeq: '42',
  revision: 1,
  firstStoredAt: '2026-03-01T10:00:01.000Z',
  lastStoredAt: '2026-03-01T10:00:01.000Z',
};

const copy: StoryCopy = {
  id: 'seed-2',
  url: 'https://example.org/wire/talks',
  title: 'Talks resume, officials say',
  source: { id: 'example-org', kind: 'feed', name: 'Example Org' },
  publishedAt: null,
  firstStoredAt: '2026-03-01T10:05:00.000Z',
  similarity: 0.82,
};

const examples: Record<keyof typeof readModelSchemas, unknown> = {
  ArticleSummary: summary,
  ArticlePage: { items: [summary], nextCursor: '42', hasMore: false } satisfies ArticlePage,
  ArticleStats: {
    articles: 1,
    stories: 1,
    byCountry: [{ code: 'QA', articles: 1 }],
    byFocusCountry: [{ code: 'QA', articles: 1 }],
    byTopic: [{ code: 'medtop:11000000', label: 'politics', articles: 1 }],
    bySource: [{ id: 'example', name: 'Example News', articles: 1 }],
    byDay: [{ day: '2026-03-01', articles: 1 }],
  } satisfies ArticleStats,
  ArticleRevision: revision,
  StoredArticleInfo: stored,
  ArticleWithHistory: {
    article: exampleArticleEnriched,
    stored,
    revisions: [revision],
  } satisfies ArticleWithHistory,
  StoryCopy: copy,
  Story: {
    id: 'seed-1',
    copies: 2,
    sources: 2,
    firstStoredAt: '2026-03-01T10:00:01.000Z',
    lastStoredAt: '2026-03-01T10:05:00.000Z',
    articles: [{ ...copy, id: 'seed-1', similarity: 1 }, copy],
  } satisfies Story,
};

describe('read model schemas', () => {
  const ajv = new Ajv({ allErrors: true, strict: true });
  addFormats(ajv);

  it('declare every field of their interface, each one required', () => {
    const declared: true[] = [
      true satisfies Declares<typeof articleSummarySchema, ArticleSummary>,
      true satisfies Declares<
        typeof articleSummarySchema.properties.source,
        ArticleSummary['source']
      >,
      true satisfies Declares<
        typeof articleSummarySchema.properties.countries.items,
        Item<ArticleSummary['countries']>
      >,
      true satisfies Declares<
        typeof articleSummarySchema.properties.topics.items,
        Item<ArticleSummary['topics']>
      >,
      true satisfies Declares<typeof articlePageSchema, ArticlePage>,
      true satisfies Same<
        typeof articlePageSchema.properties.items.items,
        typeof articleSummarySchema
      >,
      true satisfies Declares<typeof articleStatsSchema, ArticleStats>,
      true satisfies Declares<Stats['byCountry']['items'], Item<ArticleStats['byCountry']>>,
      true satisfies Declares<
        Stats['byFocusCountry']['items'],
        Item<ArticleStats['byFocusCountry']>
      >,
      true satisfies Declares<Stats['byTopic']['items'], Item<ArticleStats['byTopic']>>,
      true satisfies Declares<Stats['bySource']['items'], Item<ArticleStats['bySource']>>,
      true satisfies Declares<Stats['byDay']['items'], Item<ArticleStats['byDay']>>,
      true satisfies Declares<typeof articleRevisionSchema, ArticleRevision>,
      true satisfies Declares<typeof storedArticleInfoSchema, StoredArticleInfo>,
      true satisfies Declares<typeof articleWithHistorySchema, ArticleWithHistory>,
      true satisfies Declares<typeof storyCopySchema, StoryCopy>,
      true satisfies Declares<typeof storyCopySchema.properties.source, StoryCopy['source']>,
      true satisfies Declares<typeof storySchema, Story>,
      true satisfies Same<typeof storySchema.properties.articles.items, typeof storyCopySchema>,
    ];
    expect(declared).not.toContain(false);
  });

  it.each(Object.keys(readModelSchemas) as (keyof typeof readModelSchemas)[])(
    'accept an example %s',
    (name) => {
      const validate = ajv.compile(readModelSchemas[name]);
      expect([validate(examples[name]), validate.errors ?? []]).toEqual([true, []]);
    },
  );

  it('refuse a summary with a field it does not declare, or without one it requires', () => {
    const validate = ajv.compile(articleSummarySchema);
    const { lead: _lead, ...withoutLead } = summary;

    expect(validate({ ...summary, leadText: 'renamed' })).toBe(false);
    expect(validate(withoutLead)).toBe(false);
    expect(validate({ ...summary, lead: null, publishedAt: null, url: null })).toBe(true);
  });
});
