import { Topic, validate } from '@newsflow/contracts';
import type { ArticleEnrichedV1 } from '@newsflow/contracts';
import { enrichArticle, tagText } from '@newsflow/enrichment';
import type { Tags } from '@newsflow/enrichment';

/**
 * `newsctl enrich`: a parsed article (what `newsctl parse` prints) gets the full enriched
 * message; a bare `{"id","text"}` gets its tags.
 */
export function enrichRecord(record: unknown): ArticleEnrichedV1 | ({ id: string | null } & Tags) {
  const parsed = validate(Topic.ArticleParsed, record);
  if (parsed.ok) return enrichArticle(parsed.value);
  const { id, text, title } = (record ?? {}) as Record<string, unknown>;
  if (typeof text !== 'string') {
    const problems = parsed.problems.map((p) => `${p.path} ${p.message}`).join('; ');
    throw new Error(`expected a parsed article or {"id","text"}: ${problems}`);
  }
  return {
    id: typeof id === 'string' ? id : null,
    ...tagText({ title: typeof title === 'string' ? title : null, text }),
  };
}
