import type { ArticleFilters } from '@newsflow/contracts';
import { searchConfigFor } from './search-config';

/** A WHERE clause built from conditions with `$?` placeholders, numbered as they are added. */
export class Where {
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

/** The filters as conditions on `articles a`, each value a bind parameter. */
export function addFilters(where: Where, filters: ArticleFilters): void {
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
  if (filters.story !== undefined) where.add('a.story_id = $?', filters.story);
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
