// The library's face for the outside. Files inside the library import their siblings directly.
export { extractArticle } from './article-extractor';
export type { ExtractOptions } from './article-extractor';
export { ExtractionError } from './extraction.error';
// The parse alone, for the benchmark's floor under the extractor.
export { parseHtml } from './html/dom';
export type { ExtractionErrorCode } from './extraction.error';
export { DEFAULT_LIMITS } from './limits';
export type { ExtractionLimits } from './limits';
// A page's own address: the article id (fetching) and the extractor's canonicalUrl read it here.
export { canonicalUrlOf, ogUrlOf, readPageAddress } from './html/page-address';
export { absoluteUrl } from './text/url';
export type { PageAddress } from './html/page-address';
export { PARSER_VERSION } from './parser-version';
