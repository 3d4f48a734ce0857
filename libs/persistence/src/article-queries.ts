import type { DataSource } from 'typeorm';
import { searchConfigFor } from './search-config';
import { DatabaseBoundary } from './database-errors';

/** The filters of `GET /articles`, already checked by the caller; every one optional. */
export interface ArticleFilters {
  /** ISO 3166-1 alpha-2: the article mentions the country. */
  country?: string;
  /** ISO 3166-1 alpha-2: the article is about the country (CountryTagV1.focus). */
  focusCountry?: string;
  /**
   * 0..1: `country` and `focusCountry` only match where the enricher's confidence in that
   * country is at least this. A country stored without a confidence (older enrichers) never
   * matches a threshold. Alone, it filters nothing: the caller pairs it with a country.
   */
  minConfidence?: number;
  /** IPTC Media Topics code, e.g. medtop:16000000. */
  topic?: string;
  language?: string;
  /** A source id (SourceRefV1.id). */
  source?: string;
  publishedFrom?: Date;
  publishedTo?: Date;
  /** When the article was first stored. */
  ingestedFrom?: Date;
  ingestedTo?: Date;
  /** Full text, in web search syntax: `peskov "gaza strip" -football`. */
  q?: string;
}

export interface ArticlePageRequest extends ArticleFilters {
  /** The ingest sequence number of the last article already read; none for the start. */
  after?: string;
  limit: number;
}

export interface ArticleSummary {
  id: string;
  url: string | null;
  title: string;
  lead: string | null;
  publishedAt: string | null;
  language: string | null;
  source: { id: string; kind: string; name: string };
  countries: {
    code: string;
    focus: boolean;
    salience: number;
    mentions: number;
    /** Null for countries stored from messages without one (older enrichers). */
    confidence: number | null;
  }[];
  topics: { code: string; label: string; score: number; level: number | null }[];
  ingestSeq: string;
  revision: number;
  firstStoredAt: string;
  lastStoredAt: string;
}

export interface ArticlePage {
  items: ArticleSummary[];
  /**
   * The cursor to ask with next: the last item's ingest sequence number, or the one asked with
   * when the page is empty, so a client can keep polling from where it is.
   */
  nextCursor: string | null;
  /** More matching articles were already stored after this page. */
  hasMore: boolean;
}

export interface ArticleStats {
  articles: number;
  byCountry: { code: string; articles: number }[];
  byFocusCountry: { code: string; articles: number }[];
  byTopic: { code: string; label: string; articles: number }[];
  bySource: { id: string; name: string; articles: number }[];
  /** Articles first stored per UTC day, the last `days` days. */
  byDay: { day: string; articles: number }[];
}

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
}

/**
 * The read side's queries over the article tables: pages in ingest order, filtered, and counts.
 * Every value goes in as a bind parameter; only the shape of the WHERE clause varies.
 */
@DatabaseBoundary()
export class ArticleQueries {
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
    const rows: SummaryRow[] = await this.dataSource.query(
      `SELECT a.id, a.url, a.title, a.lead, a.published_at, a.language, a.source_id,
              a.source_kind, a.source_name, a.ingest_seq::text AS ingest_seq, a.revision,
              a.first_stored_at, a.last_stored_at,
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
    const matching = `SELECT a.id, a.source_id, a.source_name, a.first_stored_at FROM articles a ${where.sql()}`;
    const values = where.values;
    const limit = Number(top);
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const [total] = await manager.query<{ n: string }[]>(
        `SELECT count(*) AS n FROM (${matching}) m`,
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
        byCountry: counted(byCountry),
        byFocusCountry: counted(byFocusCountry),
        byTopic: counted(byTopic),
        bySource: counted(bySource),
        byDay: counted(byDay),
      };
    });
  }
}

/** A WHERE clause built from conditions with `$?` placeholders, numbered as they are added. */
class Where {
  readonly values: unknown[] = [];
  private readonly conditions: string[] = [];

  add(condition: string, ...values: unknown[]): void {
    let index = 0;
    this.conditions.push(
      condition.replace(/\$\?/g, () => {
        this.values.push(values[index++]);
        return `$${this.values.length}`;
      }),
    );
  }

  sql(): string {
    return this.conditions.length > 0 ? `WHERE ${this.conditions.join(' AND ')}` : '';
  }
}

function addFilters(where: Where, filters: ArticleFilters): void {
  const { minConfidence } = filters;
  // A null confidence fails `>=`, so countries stored without one never pass a threshold; the
  // partial index IDX_article_countries_code_confidence serves code and threshold together.
  const sure = minConfidence === undefined ? [] : [minConfidence];
  const sureSql = minConfidence === undefined ? '' : ' AND c.confidence >= $?::double precision';
  if (filters.country !== undefined) {
    where.add(
      `EXISTS (SELECT 1 FROM article_countries c WHERE c.article_id = a.id AND c.code = $?${sureSql})`,
      filters.country,
      ...sure,
    );
  }
  if (filters.focusCountry !== undefined) {
    where.add(
      `EXISTS (SELECT 1 FROM article_countries c WHERE c.article_id = a.id AND c.code = $? AND c.focus${sureSql})`,
      filters.focusCountry,
      ...sure,
    );
  }
  if (filters.topic !== undefined) {
    where.add(
      'EXISTS (SELECT 1 FROM article_topics t WHERE t.article_id = a.id AND t.code = $?)',
      filters.topic,
    );
  }
  if (filters.language !== undefined) where.add('a.language = $?', filters.language);
  if (filters.source !== undefined) where.add('a.source_id = $?', filters.source);
  if (filters.publishedFrom !== undefined) where.add('a.published_at >= $?', filters.publishedFrom);
  if (filters.publishedTo !== undefined) where.add('a.published_at < $?', filters.publishedTo);
  if (filters.ingestedFrom !== undefined)
    where.add('a.first_stored_at >= $?', filters.ingestedFrom);
  if (filters.ingestedTo !== undefined) where.add('a.first_stored_at < $?', filters.ingestedTo);
  if (filters.q !== undefined) {
    // The language filter's dictionary when there is one; else the words as written or as
    // English stems, so "Peskov" and "talks" both find what they should.
    if (filters.language !== undefined) {
      where.add(
        `a.search @@ websearch_to_tsquery($?::regconfig, $?)`,
        searchConfigFor(filters.language),
        filters.q,
      );
    } else {
      where.add(
        `a.search @@ (websearch_to_tsquery('simple', $?) || websearch_to_tsquery('english', $?))`,
        filters.q,
        filters.q,
      );
    }
  }
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
    ingestSeq: row.ingest_seq,
    revision: row.revision,
    firstStoredAt: row.first_stored_at.toISOString(),
    lastStoredAt: row.last_stored_at.toISOString(),
  };
}
