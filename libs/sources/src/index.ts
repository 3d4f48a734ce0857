export { articleIdFromContent, articleIdFromUrl, normalizeUrl } from './article-id';
export { pollAndPublish } from './article-source';
export type { ArticleSource, SourceItem, SourceReport } from './article-source';
export { charsetFromContentType, decodeDocument } from './decode';
export type { DecodedText } from './decode';
export { DEFAULT_MAX_FILE_BYTES, FolderSource } from './folder/folder.source';
export { SAVED_PAGE_EXTENSIONS, isSavedPage, savedPageToDocument } from './folder/saved-page';
export { FeedError } from './feeds/feed-error';
export { readFeed } from './feeds/feed-reader';
export type { FeedDocument, FeedItem, FeedKind } from './feeds/feed-reader';
export { readSitemap } from './feeds/sitemap-reader';
export type { Sitemap, SitemapEntry, SitemapNews } from './feeds/sitemap-reader';
export { readUrlList } from './feeds/url-list-reader';
export type { UrlList } from './feeds/url-list-reader';
export { AddressPolicy } from './web/address-policy';
export { FetchRefusedError } from './web/fetch-refused.error';
export type { FetchRefusalCode } from './web/fetch-refused.error';
export { checkedConnectionLookup, lookupChecked } from './web/resolve-and-check';
export type { LookupAll } from './web/resolve-and-check';
export { MAX_ROBOTS_BYTES, RobotsCache, RobotsRules } from './web/robots';
export type { RobotsCacheOptions, RobotsFetcher, RobotsResponse } from './web/robots';
export { HostGate } from './web/host-gate';
export type { HostGateOptions } from './web/host-gate';
export {
  COLLECTION_GAP_FACTOR,
  afterFailure,
  afterSuccess,
  inCollectionGap,
  initialPollState,
} from './web/poll-schedule';
export type { PollDecision, PollPolicy, PollState, SourceRhythm } from './web/poll-schedule';
export { FetchError, MAX_RETRY_AFTER_MS, fetchDocument, parseRetryAfter } from './web/http-fetch';
export type {
  FetchErrorCode,
  FetchErrorDetails,
  FetchOptions,
  FetchResult,
  FetchedHeaders,
  HopRunner,
} from './web/http-fetch';
export {
  NO_MEMORY,
  hashContent,
  pollSource,
  reasonOf,
  robotsFetcher,
  sourceIdFromUrl,
} from './web/source-poll';
export type {
  Manners,
  PageMemory,
  PageRecord,
  PublishOutcome,
  PublishPage,
  RefusedPage,
  RememberedPage,
  RobotsFetcherOptions,
  SkippedPage,
  SourcePoll,
  SourceReading,
  SourceToPoll,
} from './web/source-poll';
export { previewSource } from './web/source-preview';
export type { PreviewLine, PreviewOptions } from './web/source-preview';
export { mannersFrom } from './web/manners';
export type { MannersSettings } from './web/manners';
export {
  SOURCE_READINGS,
  SourceSpecError,
  readSourcesFile,
  sourceSpec,
} from './config/source-spec';
export type { SourceSpec } from './config/source-spec';
