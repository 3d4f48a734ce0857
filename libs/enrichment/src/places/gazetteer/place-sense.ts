// What a place name can mean, and the order a name's meanings are tried in.

export type PlaceKind =
  | 'country'
  | 'territory'
  | 'demonym'
  | 'capital'
  | 'region'
  | 'city'
  | 'landmark'
  | 'supranational';

/** One thing a name can mean: "Georgia" has a country sense and a US-state sense. */
export interface PlaceSense {
  /** ISO 3166-1 alpha-2, or null for a place spanning several countries. */
  code: string | null;
  kind: PlaceKind;
  /** The place's own name, for entities: "Qatar" for "Qatar's", "Washington" for "WASHINGTON". */
  name: string;
  /** Default preference among a name's senses: higher wins unless the text says otherwise. */
  rank: number;
  /** Cities: inhabitants (GeoNames). Zero for other kinds. */
  population: number;
  /** Area of the country in km²: of two same-named regions, the larger country's is likelier news. */
  countryArea: number;
  /** The code is a sovereign state's, not a dependent territory's ("GE" yes, "GU" no). */
  sovereign: boolean;
  /**
   * The name is also an ordinary English word ('word': "Reading", "Nice"), which counts only
   * mid-sentence outside headlines, or a first name ('person': "Chad", "Jordan", "Austin"),
   * which does not count before what looks like a surname ("Chad Smith").
   */
  caution: 'word' | 'person' | null;
  /**
   * For a landmark that is a person or an office rather than a place ("Vladimir Putin",
   * "Taoiseach"): the office. Such a name is no place and no organisation.
   */
  office?: string;
  /**
   * A town below the gazetteer's thresholds that shares a known name ("Paris" in Texas,
   * "Dublin" in Ohio): never the default, chosen only on the text's own evidence (its region
   * written after it, or its country dominating the story).
   */
  minor?: boolean;
}

export interface GazetteerEntry {
  /** Folded tokens joined by single spaces: "Gaza Strip", "U.S.", "Cote d'Ivoire". */
  key: string;
  senses: PlaceSense[];
  /**
   * Small towns of the same name (PlaceSense.minor), one per country, never the default: kept
   * apart from `senses`, which the matcher checks against the context one by one.
   */
  namesakes?: PlaceSense[];
}

/** Default order of a name's senses: rank, then population. */
export function byPreference(a: PlaceSense, b: PlaceSense): number {
  return b.rank - a.rank || b.population - a.population || b.countryArea - a.countryArea;
}
