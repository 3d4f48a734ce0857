/**
 * News-specific place names that no generic country or city dataset carries, curated by hand.
 * Everything here overrides the generated gazetteer for the same name. Keep it short: a name
 * belongs here only when the datasets miss it, misfile it, or give it an unwanted second sense.
 */

/** What a curated name points at. `code` is ISO 3166-1 alpha-2, or null for no single country. */
export interface CuratedPlace {
  names: readonly string[];
  code: string | null;
  /**
   * - territory: a place the datasets file under no country (Gaza Strip, West Bank)
   * - country / region / capital / city: a common English name the datasets lack ("Britain",
   *   "Scotland", "Kiev", "Geneva": GeoNames calls it "Genève")
   * - landmark: a seat of power that stands for its government ("Kremlin", "White House")
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
}

export const CURATED_PLACES: readonly CuratedPlace[] = [
  // Palestinian territories: written by their own names, never "Palestine".
  {
    names: ['Gaza Strip', 'West Bank', 'Palestinian territories', 'Palestinian Territories'],
    code: 'PS',
    kind: 'territory',
  },

  // Common English names the datasets spell otherwise.
  // "US" and "UK" match only as written, in capitals: never "us", and never inside a word.
  { names: ['Britain', 'UK', 'U.K.'], code: 'GB', kind: 'country' },
  { names: ['England', 'Scotland', 'Wales', 'Northern Ireland'], code: 'GB', kind: 'region' },
  { names: ['US', 'U.S.', 'U.S.A.', 'America', 'United States'], code: 'US', kind: 'country' },
  // A US state that compromise's lexicon knows only as a first name.
  { names: ['Virginia'], code: 'US', kind: 'region' },
  { names: ['Holy See', 'Vatican'], code: 'VA', kind: 'country' },
  { names: ['Macau'], code: 'MO', kind: 'country' },
  { names: ['Soviet Union', 'USSR'], code: 'RU', kind: 'country' },
  { names: ['Kiev'], code: 'UA', kind: 'capital' },
  { names: ['Geneva'], code: 'CH', kind: 'city' },
  { names: ['U.S. Virgin Islands', 'US Virgin Islands'], code: 'VI', kind: 'country' },
  // Halves of two-part country names, written alone.
  { names: ['Trinidad', 'Tobago'], code: 'TT', kind: 'region' },
  { names: ['Bosnia', 'Herzegovina'], code: 'BA', kind: 'region' },
  { names: ['Antigua', 'Barbuda'], code: 'AG', kind: 'region' },

  // Seats of power: "the Kremlin said" is Russia speaking. Capitals ("Beijing", "Moscow",
  // "Washington") already come from the datasets and count for their country the same way.
  { names: ['Kremlin', 'State Duma', 'Duma'], code: 'RU', kind: 'landmark' },
  {
    names: ['White House', 'Pentagon', 'Capitol Hill', 'State Department', 'Foggy Bottom'],
    code: 'US',
    kind: 'landmark',
  },
  { names: ['Downing Street', 'Whitehall'], code: 'GB', kind: 'landmark' },
  {
    names: ['Elysee', 'Elysee Palace', 'Quai d’Orsay', "Quai d'Orsay"],
    code: 'FR',
    kind: 'landmark',
  },
  { names: ['Bundestag', 'Bundesrat'], code: 'DE', kind: 'landmark' },
  { names: ['Zhongnanhai'], code: 'CN', kind: 'landmark' },
  { names: ['Knesset'], code: 'IL', kind: 'landmark' },
  { names: ['Blue House'], code: 'KR', kind: 'landmark' },
  { names: ['Lok Sabha', 'Rajya Sabha'], code: 'IN', kind: 'landmark' },

  // Demonyms the datasets give to two countries, or lack.
  { names: ['American', 'Americans'], code: 'US', kind: 'demonym' },
  { names: ['Dominican', 'Dominicans'], code: 'DO', kind: 'demonym' },
  { names: ['Congolese'], code: 'CD', kind: 'demonym' },
  { names: ['Britons', 'Brits', 'Scottish', 'Welsh'], code: 'GB', kind: 'demonym' },
  { names: ['Saudi', 'Saudis'], code: 'SA', kind: 'demonym' },
  { names: ['Soviet'], code: 'RU', kind: 'demonym' },
  { names: ['Serb', 'Serbs'], code: 'RS', kind: 'demonym' },
  { names: ['Croat', 'Croats'], code: 'HR', kind: 'demonym' },

  // Peoples and adjectives of regions spanning several countries: no single country, no place.
  {
    names: [
      'European',
      'Europeans',
      'African',
      'Africans',
      'Asian',
      'Asians',
      'Middle Eastern',
      'Latin American',
      'South American',
      'North American',
      'Central American',
      'Kurdish',
      'Kurds',
      'Kurd',
      'Arab',
      'Arabs',
      'Korean',
      'Koreans',
      'Scandinavian',
      'Balkan',
      'Caribbean',
    ],
    code: null,
    kind: 'demonym',
  },

  // Continents, regions and seas: no single country.
  {
    names: [
      'Europe',
      'EU',
      'European Union',
      'European Commission',
      'European Parliament',
      'Eurozone',
      'Africa',
      'Asia',
      'Middle East',
      'Near East',
      'Latin America',
      'South America',
      'North America',
      'Central America',
      'Americas',
      'Balkans',
      'Scandinavia',
      'Baltic',
      'Baltics',
      'Arctic',
      'Antarctic',
      'Pacific',
      'Atlantic',
      'Mediterranean',
      'Persian Gulf',
      'Gulf',
      'Gulf of Mexico',
      'Indian Ocean',
      'Red Sea',
      'Black Sea',
      'Caspian Sea',
      'South China Sea',
      'Korea',
      'Korean Peninsula',
      'Kurdistan',
      'Arabian Peninsula',
      'Sahara',
      'Sahel',
      'West Africa',
      'East Africa',
      'North Africa',
      'Southern Africa',
      'Sub-Saharan Africa',
      'Southeast Asia',
      'South Asia',
      'East Asia',
      'Central Asia',
      'Western Europe',
      'Eastern Europe',
      'Central Europe',
      'Northern Europe',
      'Southern Europe',
      'New Guinea',
      'Borneo',
      'Kashmir',
      'Himalayas',
      'Amazon',
    ],
    code: null,
    kind: 'supranational',
  },
];
