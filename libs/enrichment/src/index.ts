// The library's face for the outside: only what the apps, newsctl and the benches use. Files
// inside the library import their siblings directly.
export { enrichArticle } from './enrich-article';
export { tagCountriesOnly, tagText } from './tag-text';
export type { Tags } from './tag-text';
export { detectTextLanguage } from './text/language';
