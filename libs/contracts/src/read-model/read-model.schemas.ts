/**
 * The read API's responses as OpenAPI 3.0 Schema Objects, for the document the api serves at
 * /docs-json (components.schemas, under the interface's name) and for specs that check a real
 * response against them. OpenAPI 3.0 is not JSON Schema: a null is `nullable: true`, never a
 * `type` list. Each schema is self-contained (no `$ref`) and closed, so a field the response
 * gains or loses is a change here too; the spec beside this file ties each one to its interface.
 */

const string = { type: 'string' } as const;
const nullableString = { type: 'string', nullable: true } as const;
const timestamp = { type: 'string', format: 'date-time' } as const;
const nullableTimestamp = { type: 'string', format: 'date-time', nullable: true } as const;
const count = { type: 'integer', minimum: 0 } as const;
const revisionNumber = { type: 'integer', minimum: 1 } as const;
/** A bigint in Postgres: it travels as decimal digits, as Kafka offsets do. */
const ingestSeq = {
  type: 'string',
  pattern: '^\\d+$',
  description: "The article's place in the store's write order",
} as const;

/** A closed object whose every property is required. */
function record<P extends Record<string, object>>(properties: P, description?: string) {
  return {
    type: 'object' as const,
    ...(description === undefined ? {} : { description }),
    additionalProperties: false as const,
    required: Object.keys(properties) as (keyof P & string)[],
    properties,
  };
}

function list<I extends object>(items: I) {
  return { type: 'array' as const, items };
}

export const articleSummarySchema = record(
  {
    id: string,
    url: nullableString,
    title: string,
    lead: nullableString,
    publishedAt: nullableTimestamp,
    language: nullableString,
    source: record({ id: string, kind: string, name: string }),
    countries: list(
      record({
        code: string,
        focus: { type: 'boolean' },
        salience: { type: 'number' },
        mentions: count,
        confidence: {
          type: 'number',
          nullable: true,
          description: 'Null for countries stored without one (older enrichers)',
        },
      }),
    ),
    topics: list(
      record({
        code: string,
        label: string,
        score: { type: 'number' },
        level: { type: 'integer', nullable: true },
      }),
    ),
    storyId: {
      type: 'string',
      nullable: true,
      description:
        "The story of the article's syndicated copies (its first seen article's id); null when the body was too short for one, or for articles stored before stories",
    },
    storySimilarity: {
      type: 'number',
      nullable: true,
      minimum: 0,
      maximum: 1,
      description: "Estimated similarity to the story's first article; null without a story",
    },
    ingestSeq,
    revision: revisionNumber,
    firstStoredAt: timestamp,
    lastStoredAt: timestamp,
  },
  'One article as a page of GET /articles lists it; countries by salience, highest first',
);

export const articlePageSchema = record(
  {
    items: list(articleSummarySchema),
    nextCursor: {
      ...ingestSeq,
      nullable: true,
      description:
        "The cursor to ask with next: the last item's ingestSeq, or the cursor asked with when " +
        'the page is empty',
    },
    hasMore: {
      type: 'boolean',
      description: 'More matching articles were already stored after this page',
    },
  },
  'GET /articles: a page of articles in the order they were stored',
);

const grouped = <K extends Record<string, object>>(keys: K) =>
  list(record({ ...keys, articles: count }));

export const articleStatsSchema = record(
  {
    articles: count,
    stories: {
      ...count,
      description:
        'Distinct stories among the articles: syndicated copies count once, an article without a story as its own',
    },
    byCountry: grouped({ code: string }),
    byFocusCountry: grouped({ code: string }),
    byTopic: grouped({ code: string, label: string }),
    bySource: grouped({ id: string, name: string }),
    byDay: {
      ...grouped({ day: { type: 'string', format: 'date' } }),
      description: 'Articles first stored per UTC day, the last `days` days',
    },
  },
  'GET /stats: counts over the articles matching the filters, the largest groups first',
);

export const articleRevisionSchema = record(
  {
    revision: revisionNumber,
    contentHash: string,
    title: string,
    lead: nullableString,
    paragraphs: list(string),
    publishedAt: nullableTimestamp,
    updatedAt: nullableTimestamp,
    storedAt: timestamp,
  },
  'One content version of an article',
);

export const storedArticleInfoSchema = record(
  {
    ingestSeq,
    revision: revisionNumber,
    firstStoredAt: timestamp,
    lastStoredAt: timestamp,
  },
  'What the store keeps beside the message: its place in the write order and its history',
);

export const articleWithHistorySchema = record(
  {
    article: {
      type: 'object',
      description:
        'ArticleEnrichedV1, as news.article.enriched.v1 carries it (its JSON Schema: ' +
        'docs/schemas/news.article.enriched.v1.schema.json)',
    },
    stored: storedArticleInfoSchema,
    revisions: { ...list(articleRevisionSchema), description: 'Oldest first' },
  },
  "GET /articles/{id}: the article, the store's facts about it and its content versions, " +
    'read from one snapshot',
);

const source = record({ id: string, kind: string, name: string });

export const storyCopySchema = record(
  {
    id: string,
    url: nullableString,
    title: string,
    source,
    publishedAt: nullableTimestamp,
    firstStoredAt: timestamp,
    similarity: {
      type: 'number',
      minimum: 0,
      maximum: 1,
      description: "Estimated similarity to the story's first article (1 for that article)",
    },
  },
  'One copy of a story',
);

export const storySchema = record(
  {
    id: { ...string, description: "The story's id: the id of the first article seen of it" },
    copies: { ...count, description: 'How many stored articles the story has' },
    sources: { ...count, description: 'Distinct sources among them' },
    firstStoredAt: timestamp,
    lastStoredAt: timestamp,
    articles: {
      ...list(storyCopySchema),
      description:
        'The copies in the order they were first stored, at most 1,000; GET /articles?story= pages through all',
    },
  },
  'GET /stories/{id}: the syndicated copies of one story, their sources and times',
);

/** Every response schema of the read API, under its interface's name. */
export const readModelSchemas = {
  ArticleSummary: articleSummarySchema,
  ArticlePage: articlePageSchema,
  ArticleStats: articleStatsSchema,
  ArticleRevision: articleRevisionSchema,
  StoredArticleInfo: storedArticleInfoSchema,
  ArticleWithHistory: articleWithHistorySchema,
  StoryCopy: storyCopySchema,
  Story: storySchema,
} as const;
