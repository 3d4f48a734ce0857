export { articleIdFromContent, articleIdFromUrl, normalizeUrl } from './article-id';
export { pollAndPublish } from './article-source';
export type { ArticleSource } from './article-source';
export { charsetFromContentType, decodeDocument } from './decode';
export type { DecodedText } from './decode';
export { FolderSource } from './folder/folder.source';
export { SAVED_PAGE_EXTENSIONS, isSavedPage, savedPageToDocument } from './folder/saved-page';
