export { articleIdFromContent, articleIdFromUrl, normalizeUrl } from './article-id';
export { decodeDocument } from './decode';
export { FeedError } from './listing/feed-error';
export { listingKindOf, readListing } from './listing/listed-page';
export type { ListedPage } from './listing/listed-page';
export {
  COLLECTION_GAP_FACTOR,
  afterFailure,
  afterSuccess,
  inCollectionGap,
} from './polling/poll-schedule';
export type { PollDecision, PollPolicy, PollState } from './polling/poll-schedule';
export { readSourcesFile, sourceIdFromUrl, sourceSpec } from './config/source-spec';
export type { SourceKind, SourceReading } from './config/source-spec';
