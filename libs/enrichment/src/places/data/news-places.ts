import curated from './news-places.json';

/**
 * News-specific place names that no generic country or city dataset carries, curated by hand in
 * news-places.json. Everything there overrides the generated gazetteer for the same name. Keep it
 * short: a name belongs there only when the datasets miss it, misfile it, or give it an unwanted
 * second sense. An entry's `note` says why it is there (the gazetteer does not read it).
 */

/** What a curated name points at. `code` is ISO 3166-1 alpha-2, or null for no single country. */
export interface CuratedPlace {
  /** Why the entry is there, for whoever edits the list: the gazetteer does not read it. */
  note?: string;
  names: readonly string[];
  code: string | null;
  /**
   * - territory: a territory or disputed area, under the state the README's table gives it
   *   ("Gaza Strip" PS, "Crimea" UA, "Golan Heights" SY)
   * - country / region / capital / city: a common English name the datasets lack ("Britain",
   *   "Scotland", "Kiev", "Geneva": GeoNames calls it "Genève")
   * - landmark: a seat of power or a state institution that stands for its country ("Kremlin",
   *   "White House", "Bundestag")
   * - demonym: an adjective or people name, overriding an ambiguous dataset entry
   * - supranational: a continent, region or sea spanning several countries; it points at none,
   *   and is listed so that its words cannot match something smaller ("Latin America" is not
   *   the US, "Indian Ocean" is not India)
   */
  kind:
    | 'territory'
    | 'country'
    | 'region'
    | 'capital'
    | 'city'
    | 'landmark'
    | 'demonym'
    | 'supranational';
  /** A landmark that is an office ("Taoiseach"): it names a person, not an organisation. */
  office?: boolean;
}
export const CURATED_PLACES: readonly CuratedPlace[] = curated as readonly CuratedPlace[];
