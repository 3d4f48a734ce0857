import type {
  ArticleEnrichedV1,
  ArticleFilters,
  ArticlePage,
  ArticlePageRequest,
  ArticleRevision,
  ArticleStats,
  ArticleSummary,
  ArticleWithHistory,
  Story,
} from '@newsflow/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { addFilters, Where } from './article-filters';
import { DatabaseBoundary } from './database-errors';
import { fromArticleRows } from './article.mapper';
import { ArticleCountryEntity } from './entities/article-country.entity';
import { ArticleNamedEntity } from './entities/article-named.entity';
import { ArticleRevisionEntity } from './entities/article-revision.entity';
import { ArticleTopicEntity } from './entities/article-topic.entity';
import { ArticleEntity } from './entities/article.entity';

interface SummaryRow {
  id: string;
  url: string | null;
  title: string;
  lead: string | null;
  published_at: Date | null;
  language: string | null;
  source_id: string;
  source_kind: string;
  source_name: string;
  ingest_seq: string;
  revision: number;
  first_stored_at: Date;
  last_stored_at: Date;
  countries: ArticleSummary['countries'] | null;
  topics: ArticleSummary['topics'] | null;
  story_id: string | null;
  story_similarity: number | null;
}

/** The most copies `story` lists; `GET /articles?story=` pages through the rest. */
export const MAX_STORY_COPIES = 1_000;

interface StoryCopyRow {
  id: string;
  url: string | null;
  title: string;
  source_id: string;
  source_kind: string;
  source_name: string;
  published_at: Date | null;
  first_stored_at: Date;
  story_similarity: number;
}

/**
 * The read side over the article tables, in the read API's shapes (`@newsflow/contracts`):
 * pages in ingest order, filtered, counts, and one article with its history. Each method reads
 * in one REPEATABLE READ transaction, so all it returns comes from one snapshot, and holds one
 * pooled connection while it runs (what the api's query gate counts on). Every value goes in
 * as a bind parameter; only the shape of the WHERE clause varies. ArticlesRepository writes
 * what this reads.
 */
@DatabaseBoundary()
export class ArticlesReader {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Matching articles after the cursor, in ingest order. The store commits ingest sequence
   * numbers in order (see ArticlesRepository.upsertMany), so paging with `after` neither skips
   * nor repeats an article while writes go on; an article whose content changes moves to the
   * end and is read again, as its new revision.
   */
  async page(request: ArticlePageRequest): Promise<ArticlePage> {
    const where = new Where();
    if (request.after !== undefined) where.add('a.ingest_seq > $?', request.after);
    addFilters(where, request);
    const rows: SummaryRow[] = await this.snapshot((manager) =>
      manager.query(
        `SELECT a.id, a.url, a.title, a.lead, a.published_at, a.language, a.source_id,
                a.source_kind, a.source_name, a.ingest_seq::text AS ingest_seq, a.revision,
                a.first_stored_at, a.last_stored_at, a.story_id, a.story_similarity,
                (SELECT json_agg(json_build_object('code', c.code, 'focus', c.focus,
                          'salience', c.salience, 'mentions', c.mentions,
                          'confidence', c.confidence)
                        ORDER BY c.salience DESC, c.position)
                   FROM article_countries c WHERE c.article_id = a.id) AS countries,
                (SELECT json_agg(json_build_object('code', t.code, 'label', t.label,
                          'score', t.score, 'level', t.level) ORDER BY t.position)
                   FROM article_topics t WHERE t.article_id = a.id) AS topics
         FROM articles a
         ${where.sql()}
         ORDER BY a.ingest_seq
         LIMIT ${Number(request.limit) + 1}`,
        where.values,
      ),
    );
    const items = rows.slice(0, request.limit).map(toSummary);
    return {
      items,
      nextCursor: items.at(-1)?.ingestSeq ?? request.after ?? null,
      hasMore: rows.length > request.limit,
    };
  }

  /** Counts over the articles matching the filters; the top `top` of each grouping. */
  async stats(filters: ArticleFilters, days: number, top: number): Promise<ArticleStats> {
    const where = new Where();
    addFilters(where, filters);
    const matching = `SELECT a.id, a.source_id, a.source_name, a.first_stored_at, a.story_id FROM articles a ${where.sql()}`;
    const values = where.values;
    const limit = Number(top);
    return this.snapshot(async (manager) => {
      // An article without a story (too short, or stored before stories) is a story of its own.
      const [total] = await manager.query<{ n: string; stories: string }[]>(
        `SELECT count(*) AS n, count(DISTINCT coalesce(m.story_id, m.id)) AS stories
         FROM (${matching}) m`,
        values,
      );
      const byCountry = await manager.query<{ code: string; articles: string }[]>(
        `SELECT c.code, count(*) AS articles FROM (${matching}) m
         JOIN article_countries c ON c.article_id = m.id
         GROUP BY c.code ORDER BY count(*) DESC, c.code LIMIT ${limit}`,
        values,
      );
      const byFocusCountry = await manager.query<{ code: string; articles: string }[]>(
        `SELECT c.code, count(*) AS articles FROM (${matching}) m
         JOIN article_countries c ON c.article_id = m.id AND c.focus
         GROUP BY c.code ORDER BY count(*) DESC, c.code LIMIT ${limit}`,
        values,
      );
      const byTopic = await manager.query<{ code: string; label: string; articles: string }[]>(
        `SELECT t.code, min(t.label) AS label, count(*) AS articles FROM (${matching}) m
         JOIN article_topics t ON t.article_id = m.id
         GROUP BY t.code ORDER BY count(*) DESC, t.code LIMIT ${limit}`,
        values,
      );
      const bySource = await manager.query<{ id: string; name: string; articles: string }[]>(
        `SELECT m.source_id AS id, min(m.source_name) AS name, count(*) AS articles
         FROM (${matching}) m GROUP BY m.source_id ORDER BY count(*) DESC, m.source_id
         LIMIT ${limit}`,
        values,
      );
      const byDay = await manager.query<{ day: string; articles: string }[]>(
        `SELECT to_char(date_trunc('day', m.first_stored_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day,
                count(*) AS articles
         FROM (${matching}) m
         WHERE m.first_stored_at >= now() - make_interval(days => ${Number(days)})
         GROUP BY 1 ORDER BY 1`,
        values,
      );
      const counted = <T extends { articles: string }>(rows: T[]) =>
        rows.map((row) => ({ ...row, articles: Number(row.articles) }));
      return {
        articles: Number(total?.n ?? 0),
        stories: Number(total?.stories ?? 0),
        byCountry: counted(byCountry),
        byFocusCountry: counted(byFocusCountry),
        byTopic: counted(byTopic),
        bySource: counted(bySource),
        byDay: counted(byDay),
      };
    });
  }

  /**
   * The article as last stored, the store's facts about it and its content versions (oldest
   * first), from one snapshot: a revision the store commits meanwhile is in all three or in
   * none. Null for an unknown id.
   */
  async findWithHistory(id: string): Promise<ArticleWithHistory | null> {
    return this.snapshot(async (manager) => {
      const row = await manager.findOneBy(ArticleEntity, { id });
      if (row === null) return null;
      return {
        article: await readArticle(manager, row),
        stored: {
          ingestSeq: row.ingestSeq,
          revision: row.revision,
          firstStoredAt: row.firstStoredAt.toISOString(),
          lastStoredAt: row.lastStoredAt.toISOString(),
        },
        revisions: await readRevisions(manager, id),
      };
    });
  }

  /** The article as last stored, countries by salience (highest first), or null. */
  async findById(id: string): Promise<ArticleEnrichedV1 | null> {
    return this.snapshot(async (manager) => {
      const row = await manager.findOneBy(ArticleEntity, { id });
      return row === null ? null : readArticle(manager, row);
    });
  }

  /**
   * The story's stored copies, first stored first (the first MAX_STORY_COPIES), with their count
   * and distinct sources, from one snapshot; null when no stored article has the story. Reads
   * through IDX_articles_story_id.
   */
  async story(id: string): Promise<Story | null> {
    return this.snapshot(async (manager) => {
      const [summary] = await manager.query<
        { copies: string; sources: string; first_stored_at: Date; last_stored_at: Date }[]
      >(
        `SELECT count(*) AS copies, count(DISTINCT source_id) AS sources,
                min(first_stored_at) AS first_stored_at, max(first_stored_at) AS last_stored_at
         FROM articles WHERE story_id = $1`,
        [id],
      );
      if (summary === undefined || Number(summary.copies) === 0) return null;
      const rows = await manager.query<StoryCopyRow[]>(
        `SELECT id, url, title, source_id, source_kind, source_name, published_at,
                first_stored_at, story_similarity
         FROM articles WHERE story_id = $1
         ORDER BY first_stored_at, id LIMIT ${MAX_STORY_COPIES}`,
        [id],
      );
      return {
        id,
        copies: Number(summary.copies),
        sources: Number(summary.sources),
        firstStoredAt: summary.first_stored_at.toISOString(),
        lastStoredAt: summary.last_stored_at.toISOString(),
        articles: rows.map((row) => ({
          id: row.id,
          url: row.url,
          title: row.title,
          source: { id: row.source_id, kind: row.source_kind, name: row.source_name },
          publishedAt: row.published_at?.toISOString() ?? null,
          firstStoredAt: row.first_stored_at.toISOString(),
          similarity: row.story_similarity,
        })),
      };
    });
  }

  /** How many articles are stored. */
  async count(): Promise<number> {
    return this.dataSource.getRepository(ArticleEntity).count();
  }

  private snapshot<T>(read: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction('REPEATABLE READ', read);
  }
}

/** The article row's tags, in the order the API shows them, back into the contract's shape. */
async function readArticle(manager: EntityManager, row: ArticleEntity): Promise<ArticleEnrichedV1> {
  const articleId = row.id;
  return fromArticleRows({
    article: row,
    countries: await manager.find(ArticleCountryEntity, {
      where: { articleId },
      order: { salience: 'DESC', position: 'ASC' },
    }),
    topics: await manager.find(ArticleTopicEntity, {
      where: { articleId },
      order: { position: 'ASC' },
    }),
    entities: await manager.find(ArticleNamedEntity, {
      where: { articleId },
      order: { position: 'ASC' },
    }),
  });
}

async function readRevisions(
  manager: EntityManager,
  articleId: string,
): Promise<ArticleRevision[]> {
  const rows = await manager.find(ArticleRevisionEntity, {
    where: { articleId },
    order: { revision: 'ASC' },
  });
  return rows.map((row) => ({
    revision: row.revision,
    contentHash: row.contentHash,
    title: row.title,
    lead: row.lead,
    paragraphs: row.paragraphs,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt?.toISOString() ?? null,
    storedAt: row.storedAt.toISOString(),
  }));
}

function toSummary(row: SummaryRow): ArticleSummary {
  return {
    id: row.id,
    url: row.url,
    title: row.title,
    lead: row.lead,
    publishedAt: row.published_at?.toISOString() ?? null,
    language: row.language,
    source: { id: row.source_id, kind: row.source_kind, name: row.source_name },
    countries: row.countries ?? [],
    topics: row.topics ?? [],
    storyId: row.story_id,
    storySimilarity: row.story_similarity,
    ingestSeq: row.ingest_seq,
    revision: row.revision,
    firstStoredAt: row.first_stored_at.toISOString(),
    lastStoredAt: row.last_stored_at.toISOString(),
  };
}
