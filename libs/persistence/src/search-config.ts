/**
 * Postgres text search configurations for the languages articles come in (ISO 639-1 code ->
 * configuration shipped with Postgres 15), so "talks" finds "talk" in English and "Gespräche"
 * finds "Gespräch" in German. Any other language, or none, is indexed word for word (`simple`).
 */
export const SEARCH_CONFIGS: Readonly<Record<string, string>> = {
  ar: 'arabic',
  hy: 'armenian',
  eu: 'basque',
  ca: 'catalan',
  da: 'danish',
  nl: 'dutch',
  en: 'english',
  fi: 'finnish',
  fr: 'french',
  de: 'german',
  el: 'greek',
  hi: 'hindi',
  hu: 'hungarian',
  id: 'indonesian',
  ga: 'irish',
  it: 'italian',
  lt: 'lithuanian',
  ne: 'nepali',
  no: 'norwegian',
  nb: 'norwegian',
  nn: 'norwegian',
  pt: 'portuguese',
  ro: 'romanian',
  ru: 'russian',
  sr: 'serbian',
  es: 'spanish',
  sv: 'swedish',
  ta: 'tamil',
  tr: 'turkish',
  yi: 'yiddish',
};

/** The configuration for a language code; `simple` for one without (or for null). */
export function searchConfigFor(language: string | null | undefined): string {
  return (language && SEARCH_CONFIGS[language]) || 'simple';
}

/**
 * The expression of the generated `search` column: title and body as a tsvector in the
 * article's own language. A CASE over constants keeps it immutable, as a generated column must
 * be. Changing the table above changes this expression: generate a migration.
 */
export const ARTICLE_SEARCH_VECTOR = `to_tsvector(CASE "language" ${Object.entries(SEARCH_CONFIGS)
  .map(([code, config]) => `WHEN '${code}' THEN '${config}'::regconfig`)
  .join(' ')} ELSE 'simple'::regconfig END, "title" || ' ' || "body_text")`;
