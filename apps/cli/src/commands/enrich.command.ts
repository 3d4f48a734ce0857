import { Topic, validate } from '@newsflow/contracts';
import type { ArticleEnrichedV1 } from '@newsflow/contracts';
import { enrichArticle, tagText } from '@newsflow/enrichment';
import type { Tags } from '@newsflow/enrichment';

/**
 * `newsctl enrich`: a parsed article (what `newsctl parse` prints) gets the full enriched
 * message; a bare `{"id","text"}` (optionally `title`, `lead`, `language`) gets its language and
 * tags.
 */
export function enrichRecord(record: unknown): ArticleEnrichedV1 | ({ id: string | null } & Tags) {
  const parsed = validate(Topic.ArticleParsed, record);
  if (parsed.ok) return enrichArticle(parsed.value);
  const { id, text, title, lead, language } = (record ?? {}) as Record<string, unknown>;
  if (typeof text !== 'string') {
    const problems = parsed.problems.map((p) => `${p.path} ${p.message}`).join('; ');
    throw new Error(`expected a parsed article or {"id","text"}: ${problems}`);
  }
  const optional = (value: unknown): string | null => (typeof value === 'string' ? value : null);
  return {
    id: optional(id),
    ...tagText({
      title: optional(title),
      lead: optional(lead),
      text,
      // Detected unless the line says.
      ...(typeof language === 'string' ? { language } : {}),
    }),
  };
}
