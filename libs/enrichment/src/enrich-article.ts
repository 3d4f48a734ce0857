import type { ArticleEnrichedV1, ArticleParsedV1 } from '@newsflow/contracts';
import { ENRICHER_VERSION } from './enricher-version';
import { tagText } from './tag-text';

/** The parsed article with its countries, topics and entities: a news.article.enriched.v1 value. */
export function enrichArticle(article: ArticleParsedV1): ArticleEnrichedV1 {
  // The parser has settled the language already; the enriched message keeps the parser's.
  const { countries, topics, entities } = tagText({
    title: article.title,
    lead: article.lead,
    text: article.bodyText,
    language: article.language,
  });
  return { ...article, countries, topics, entities, enricherVersion: ENRICHER_VERSION };
}
