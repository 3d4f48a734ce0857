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

export const CURATED_PLACES: readonly CuratedPlace[] = [
  // Territories and disputed areas: each goes to the state the UN and ISO 3166 file it under,
  // whoever holds it (README, "Territories and disputed areas", gives the reasons).
  // Palestinian territories: written by their own names more often than "Palestine". "Gaza"
  // alone is the strip, not Mozambique's Gaza province, in the news.
  {
    names: [
      'Gaza',
      'Gaza Strip',
      'West Bank',
      'East Jerusalem',
      'Palestinian territories',
      'Palestinian Territories',
    ],
    code: 'PS',
    kind: 'territory',
  },
  // Annexed by Russia in 2014 and 2022; recognised as Ukraine's.
  { names: ['Crimea', 'Crimean Peninsula', 'Donbas', 'Donbass'], code: 'UA', kind: 'territory' },
  // Breakaway regions recognised by almost no one: the state they broke from.
  { names: ['Abkhazia', 'South Ossetia'], code: 'GE', kind: 'territory' },
  { names: ['Transnistria'], code: 'MD', kind: 'territory' },
  { names: ['Northern Cyprus'], code: 'CY', kind: 'territory' },
  { names: ['Somaliland', 'Puntland'], code: 'SO', kind: 'territory' },
  // Taken back by Azerbaijan in 2023.
  { names: ['Nagorno-Karabakh', 'Karabakh'], code: 'AZ', kind: 'territory' },
  // Held by Israel since 1967; Syrian territory under international law.
  { names: ['Golan Heights', 'Golan'], code: 'SY', kind: 'territory' },
  { names: ['Falklands', 'Malvinas'], code: 'FK', kind: 'territory' },
  { names: ['Sinai', 'Sinai Peninsula'], code: 'EG', kind: 'territory' },

  // Common English names the datasets spell otherwise.
  // "US" and "UK" match only as written, in capitals: never "us", and never inside a word.
  { names: ['Britain', 'UK', 'U.K.'], code: 'GB', kind: 'country' },
  { names: ['England', 'Scotland', 'Wales', 'Northern Ireland'], code: 'GB', kind: 'region' },
  { names: ['US', 'U.S.', 'U.S.A.', 'America', 'United States'], code: 'US', kind: 'country' },
  // Abbreviations the news uses for a few states.
  { names: ['PRC', 'Mainland China'], code: 'CN', kind: 'country' },
  { names: ['ROK'], code: 'KR', kind: 'country' },
  { names: ['KSA'], code: 'SA', kind: 'country' },
  // Short forms the datasets leave out of other languages' names ("États-Unis d'Amérique").
  {
    names: ['États-Unis', 'Etats-Unis', 'Stati Uniti', 'Vereinigten Staaten'],
    code: 'US',
    kind: 'country',
  },
  { names: ['Grande-Bretagne', 'Gran Bretagna', 'Gran Bretaña'], code: 'GB', kind: 'country' },
  // A US state that compromise's lexicon knows only as a first name.
  { names: ['Virginia'], code: 'US', kind: 'region' },
  { names: ['Holy See', 'Vatican'], code: 'VA', kind: 'country' },
  { names: ['Macau'], code: 'MO', kind: 'country' },
  { names: ['Soviet Union', 'USSR'], code: 'RU', kind: 'country' },
  { names: ['Kiev'], code: 'UA', kind: 'capital' },
  { names: ['Geneva'], code: 'CH', kind: 'city' },
  // GeoNames calls it Hannover; "Hanover" alone was Jamaica's parish.
  { names: ['Hanover'], code: 'DE', kind: 'city' },
  { names: ['U.S. Virgin Islands', 'US Virgin Islands'], code: 'VI', kind: 'country' },
  // Halves of two-part country names, written alone.
  { names: ['Trinidad', 'Tobago'], code: 'TT', kind: 'region' },
  { names: ['Bosnia', 'Herzegovina'], code: 'BA', kind: 'region' },
  { names: ['Antigua', 'Barbuda'], code: 'AG', kind: 'region' },

  // Seats of power and state institutions: "the Kremlin said" is Russia speaking. Capitals
  // ("Beijing", "Moscow", "Washington") already come from the datasets and count for their
  // country the same way. Only names that stand for one country: "Parliament", "Congress" or
  // "Foreign Office" do not.
  { names: ['Kremlin', 'State Duma', 'Duma', 'Lubyanka'], code: 'RU', kind: 'landmark' },
  {
    names: [
      'White House',
      'Oval Office',
      'Pentagon',
      'Capitol Hill',
      'State Department',
      'Foggy Bottom',
      'Camp David',
      'Federal Reserve',
      'CIA',
      'FBI',
    ],
    code: 'US',
    kind: 'landmark',
  },
  {
    names: [
      'Downing Street',
      'Whitehall',
      'Buckingham Palace',
      'Holyrood',
      'Scotland Yard',
      'Bank of England',
      'MI5',
      'MI6',
    ],
    code: 'GB',
    kind: 'landmark',
  },
  {
    names: [
      'Elysee',
      'Elysee Palace',
      'Quai d’Orsay',
      "Quai d'Orsay",
      'Matignon',
      'Hotel Matignon',
    ],
    code: 'FR',
    kind: 'landmark',
  },
  {
    names: ['Bundestag', 'Bundesrat', 'Bundeskanzleramt', 'Bundesbank', 'Bundeswehr'],
    code: 'DE',
    kind: 'landmark',
  },
  {
    names: [
      'Zhongnanhai',
      'Great Hall of the People',
      'People’s Liberation Army',
      "People's Liberation Army",
    ],
    code: 'CN',
    kind: 'landmark',
  },
  { names: ['Knesset', 'Mossad', 'Shin Bet', 'IDF'], code: 'IL', kind: 'landmark' },
  { names: ['Blue House'], code: 'KR', kind: 'landmark' },
  {
    names: ['Lok Sabha', 'Rajya Sabha', 'Rashtrapati Bhavan', 'Raisina Hill'],
    code: 'IN',
    kind: 'landmark',
  },
  { names: ['Kantei'], code: 'JP', kind: 'landmark' },
  {
    names: ['Palazzo Chigi', 'Quirinale', 'Quirinal Palace'],
    code: 'IT',
    kind: 'landmark',
  },
  { names: ['Moncloa', 'Moncloa Palace'], code: 'ES', kind: 'landmark' },
  { names: ['Planalto', 'Planalto Palace'], code: 'BR', kind: 'landmark' },
  { names: ['Casa Rosada'], code: 'AR', kind: 'landmark' },
  { names: ['Verkhovna Rada', 'Bankova'], code: 'UA', kind: 'landmark' },
  { names: ['Sejm'], code: 'PL', kind: 'landmark' },
  { names: ['Dail', 'Dail Eireann', 'Leinster House', 'Oireachtas'], code: 'IE', kind: 'landmark' },
  { names: ['Rideau Hall', 'Parliament Hill'], code: 'CA', kind: 'landmark' },
  // Offices that only one country has: "the Taoiseach said" is Ireland's government speaking.
  { names: ['Taoiseach', 'Tanaiste'], code: 'IE', kind: 'landmark', office: true },
  { names: ['Pope'], code: 'VA', kind: 'landmark', office: true },

  // Demonyms the datasets give to two countries, or lack.
  { names: ['American', 'Americans'], code: 'US', kind: 'demonym' },
  { names: ['Dominican', 'Dominicans'], code: 'DO', kind: 'demonym' },
  { names: ['Congolese'], code: 'CD', kind: 'demonym' },
  { names: ['Britons', 'Brits', 'Scottish', 'Welsh'], code: 'GB', kind: 'demonym' },
  { names: ['Saudi', 'Saudis'], code: 'SA', kind: 'demonym' },
  { names: ['Soviet'], code: 'RU', kind: 'demonym' },
  { names: ['Serb', 'Serbs'], code: 'RS', kind: 'demonym' },
  { names: ['Croat', 'Croats'], code: 'HR', kind: 'demonym' },
  { names: ['Kosovan', 'Kosovans', 'Kosovars'], code: 'XK', kind: 'demonym' },
  { names: ['Azeri', 'Azeris'], code: 'AZ', kind: 'demonym' },
  { names: ['Nepali', 'Nepalis'], code: 'NP', kind: 'demonym' },
  { names: ['Argentinian', 'Argentinians'], code: 'AR', kind: 'demonym' },
  { names: ['Aussie', 'Aussies'], code: 'AU', kind: 'demonym' },
  { names: ['Scots', 'Northern Irish'], code: 'GB', kind: 'demonym' },

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

  // Everyday phrases with a country's adjective in them that say nothing about the country.
  {
    names: [
      'French fries',
      'French toast',
      'French kiss',
      'Turkish delight',
      'Swiss cheese',
      'Danish pastry',
      'Russian roulette',
      'Russian doll',
      'Chinese whispers',
      'Dutch courage',
      'Mexican wave',
      'German measles',
      'Irish coffee',
      'Brussels sprouts',
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
      'Horn of Africa',
      'Levant',
      'Caucasus',
      'Maghreb',
      'Indo-Pacific',
      'Asia-Pacific',
      'Gulf states',
      'Oceania',
      'Benelux',
    ],
    code: null,
    kind: 'supranational',
  },
];
