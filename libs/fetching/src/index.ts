export { FolderSource } from './folder/folder.source';
export { pollAndPublish } from './folder/folder-poll';
export { isSavedPage, savedPageToDocument } from './folder/saved-page';
export { archiveOpener } from './http/archive-stream';
export { FetchError } from './http/fetch-error';
export { mannersFrom } from './http/manners';
export type { MannersSettings } from './http/manners';
export { reasonOf } from './http/polite-fetch';
export type { Manners } from './http/polite-fetch';
export { articleMessage } from './polling/article-message';
export type { FetchedPage } from './polling/article-message';
export type { ArticleSource } from './polling/article-source';
export type { PageMemory } from './polling/page-memory';
export type { PublishPage, SourcePoll } from './polling/poll-report';
export { previewSource } from './polling/source-preview';
export { WebSource } from './polling/web-source';
export { WarcSource, readWarcCursor } from './warc/warc.source';
export type {
  OpenUrl,
  WarcCursor,
  WarcCursorStore,
  WarcReport,
  WarcSourceOptions,
} from './warc/warc.source';
export { isWarcName, listArchives, warcLocation } from './warc/warc-archive';
export type { WarcLocation } from './warc/warc-archive';
