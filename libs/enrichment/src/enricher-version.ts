/** Written into every enriched article: which tagger produced its tags. */
export const ENRICHER_VERSION = 'enrichment/0.4.0';
