import type { ArticleEnrichedV1, ArticleParsedV1 } from '@newsflow/contracts';
import { ENRICHER_VERSION } from './enricher-version';
import { tagText } from './tag-text';

/** The parsed article with its countries, topics and entities: a news.article.enriched.v1 value. */
export function enrichArticle(article: ArticleParsedV1): ArticleEnrichedV1 {
  const tags = tagText({ title: article.title, lead: article.lead, text: article.bodyText });
  return { ...article, ...tags, enricherVersion: ENRICHER_VERSION };
}
