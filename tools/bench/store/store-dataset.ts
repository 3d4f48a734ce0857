import { createHash } from 'node:crypto';
import { exampleArticleEnriched } from '@newsflow/contracts';
import { seededRandom } from '@newsflow/testing';
import type { ArticleEnrichedV1, CountryTagV1, EntityV1, TopicTagV1 } from '@newsflow/contracts';

/**
 * Enriched articles for the store bench: the shape, sizes and tag counts of
 * exampleArticleEnriched (4 countries, 2 topics, 7 entities), with a distinct id, title, text,
 * content hash and set of tags each, so that no two rows are alike in the tables or indexes
 * (the full-text index above all). Made from a seed: the same seed gives the same articles.
 */
export function makeBenchArticles(count: number, seed = 1): ArticleEnrichedV1[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const base = exampleArticleEnriched;
  const articles: ArticleEnrichedV1[] = [];

  for (let index = 0; index < count; index++) {
    const countries = pickDistinct(COUNTRIES, 4, random);
    const people = pickDistinct(PEOPLE, 3, random);
    const places = pickDistinct(PLACES, 3, random);
    const organisation = pick(ORGANISATIONS);
    const names = { people, places, organisation, countries };

    const title = `${fill(pick(TITLES), names, random)} (${index + 1})`;
    const paragraphs = Array.from({ length: 5 + Math.floor(random() * 8) }, () =>
      Array.from({ length: 1 + Math.floor(random() * 3) }, () =>
        fill(pick(SENTENCES), names, random),
      ).join(' '),
    );
    const lead = paragraphs[0] ?? null;
    const bodyText = paragraphs.join('\n\n');
    const published = Date.UTC(2025, 0, 1) + Math.floor(random() * 365 * 24 * 60) * 60_000;

    articles.push({
      ...base,
      id: sha256(`store-bench ${seed} ${index}`).slice(0, 16),
      url: `https://news.example/${index + 1}`,
      canonicalUrl: null,
      title,
      lead,
      paragraphs,
      bodyText,
      publishedAt: new Date(published).toISOString(),
      updatedAt: random() < 0.3 ? new Date(published + 9 * 60_000).toISOString() : null,
      images: base.images.map((image) => ({ ...image })),
      contentHash: sha256(`${title}\n${bodyText}`),
      wordCount: bodyText.split(/\s+/).length,
      countries: countries.map(
        (country, position): CountryTagV1 => ({
          code: country.code,
          mentions: 8 - 2 * position,
          // Highest first, as the enricher sends them and the repository reads them back.
          salience: Number((0.9 - 0.2 * position).toFixed(2)),
          evidence: [country.name],
          focus: position < 2,
          foundIn: position < 2 ? ['title', 'lead', 'body'] : ['body'],
        }),
      ),
      topics: pickDistinct(TOPICS, 2, random).map(
        (topic, position): TopicTagV1 => ({ ...topic, score: position === 0 ? 0.9 : 0.4 }),
      ),
      entities: [
        ...people.map((name): EntityV1 => entity('person', name)),
        entity('organisation', organisation),
        ...places.map((name): EntityV1 => entity('place', name)),
      ],
    });
  }
  return articles;
}

interface Names {
  people: readonly string[];
  places: readonly string[];
  organisation: string;
  countries: readonly { name: string }[];
}

/** Fills {person}, {place}, {org}, {country} and {n} in a template with this article's names. */
function fill(template: string, names: Names, random: () => number): string {
  const at = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  return template.replace(/\{(person|place|org|country|n)\}/g, (_, slot: string) => {
    switch (slot) {
      case 'person':
        return at(names.people);
      case 'place':
        return at(names.places);
      case 'org':
        return names.organisation;
      case 'country':
        return at(names.countries).name;
      default:
        return String(2 + Math.floor(random() * 998));
    }
  });
}

function entity(kind: EntityV1['kind'], name: string): EntityV1 {
  const short = name.split(' ').at(-1) ?? name;
  return { kind, name, surfaceForms: short === name ? [name] : [name, short], mentions: 2 };
}

/** `count` different items, in random order. */
function pickDistinct<T>(items: readonly T[], count: number, random: () => number): T[] {
  const pool = [...items];
  const picked: T[] = [];
  while (picked.length < count && pool.length > 0) {
    picked.push(...pool.splice(Math.floor(random() * pool.length), 1));
  }
  return picked;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

const COUNTRIES = [
  { code: 'RU', name: 'Russia' },
  { code: 'QA', name: 'Qatar' },
  { code: 'SY', name: 'Syria' },
  { code: 'PS', name: 'Gaza Strip' },
  { code: 'FR', name: 'France' },
  { code: 'DE', name: 'Germany' },
  { code: 'KE', name: 'Kenya' },
  { code: 'BR', name: 'Brazil' },
  { code: 'IN', name: 'India' },
  { code: 'JP', name: 'Japan' },
  { code: 'US', name: 'the United States' },
  { code: 'GB', name: 'Britain' },
  { code: 'NG', name: 'Nigeria' },
  { code: 'TR', name: 'Turkey' },
  { code: 'UA', name: 'Ukraine' },
  { code: 'CN', name: 'China' },
] as const;

const PEOPLE = [
  'Vladimir Putin',
  'Tamim bin Hamad Al Thani',
  'Dmitry Peskov',
  'Emmanuel Macron',
  'Olaf Scholz',
  'William Ruto',
  'Narendra Modi',
  'Luiz Inacio Lula da Silva',
  'Shigeru Ishiba',
  'Keir Starmer',
  'Bola Tinubu',
  'Recep Tayyip Erdogan',
  'Antonio Guterres',
  'Ursula von der Leyen',
] as const;

const PLACES = [
  'Moscow',
  'Doha',
  'Damascus',
  'Paris',
  'Berlin',
  'Nairobi',
  'New Delhi',
  'Brasilia',
  'Tokyo',
  'London',
  'Abuja',
  'Ankara',
  'Geneva',
  'Brussels',
  'Kyiv',
  'Beijing',
] as const;

const ORGANISATIONS = [
  'Kremlin',
  'United Nations',
  'European Commission',
  'World Bank',
  'African Union',
  'NATO',
  'World Health Organization',
  'International Monetary Fund',
] as const;

const TOPICS = [
  { code: 'medtop:11000000', label: 'politics', level: 1 },
  { code: 'medtop:16000000', label: 'conflict, war and peace', level: 1 },
  { code: 'medtop:04000000', label: 'economy, business and finance', level: 1 },
  { code: 'medtop:07000000', label: 'health', level: 1 },
  { code: 'medtop:06000000', label: 'environment', level: 1 },
  { code: 'medtop:15000000', label: 'sport', level: 1 },
] as const;

const TITLES = [
  'Talks Between {person} and {person} Mark Significant Step Forward - {org}',
  '{country} and {country} Agree on New Trade Terms After Meeting in {place}',
  '{org} Warns of Rising Tensions Near {place}',
  '{person} Visits {place} as {country} Seeks Closer Ties',
  'Thousands Rally in {place} Over {n} Proposed Reforms',
  '{country} Announces Aid Package Worth {n} Million Dollars',
];

/** Sentences in the example's register, some with quotes, which the store must keep as sent. */
const SENTENCES = [
  'The talks between {person} and {person} are an important step forward in the development of relations between {country} and {country}, {org} said on Thursday.',
  '"{country} welcomes the mutual desire to develop bilateral relations globally. A very important step forward has been taken today," {person} told reporters in {place}.',
  'Officials in {place} said {n} people had been affected and that the figure could rise.',
  '{person} and {person} had a deep exchange of views on the situation in {country}, according to {org}.',
  'The ongoing conflict near {place} is a major concern for {country}, and {place} supports efforts to bring peace to the region as soon as possible.',
  'Analysts at the {org} expect growth of about {n} basis points next year, down from an earlier forecast.',
  'A spokesperson for {org} declined to comment on the report, citing talks that are still under way in {place}.',
  '"We will continue this work," {person} said, adding that a delegation would travel to {place} next month.',
  'Markets in {country} rose after the announcement, while the currency was little changed.',
  'Other statements by {person}:',
];
