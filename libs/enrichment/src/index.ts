// The library's face for the outside. Files inside the library import their siblings directly.
export { ENRICHER_VERSION } from './enricher-version';
export { enrichArticle } from './enrich-article';
export { tagCountriesOnly, tagText } from './tag-text';
export type { Tags, TextInput } from './tag-text';
export { detectTextLanguage } from './text/language';
