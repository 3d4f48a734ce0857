/** The enrichment library, loaded when first needed as the other benches load it (the tools
 * project may only import it lazily: loading it builds the gazetteer). */
export type Enrichment = typeof import('@newsflow/enrichment');

export function loadEnrichment(): Promise<Enrichment> {
  return import('@newsflow/enrichment');
}
