import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { EntityV1 } from '@newsflow/contracts';
import { MAX_ENTITIES_PER_KIND, MAX_SURFACE_FORMS, tagText } from './tag-text';
import type { Tags, TextInput } from './tag-text';

// The seed story as the pipeline must tag it: tests/fixtures/seed/expected.json (a copy of
// shared/fixtures/seed, kept in the repository) holds the title, the description (our lead) and the six article paragraphs.
interface SeedExpectation {
  exact: { title: string; lead: string };
  paragraphs_in_order_each_once: string[];
  set: { countries: string[] };
  contains: { people: string[]; places: string[]; topics_iptc_top_level: string[] };
}

const seedPath = resolve(__dirname, '../../../tests/fixtures/seed/expected.json');
const seed = JSON.parse(readFileSync(seedPath, 'utf8')) as SeedExpectation;
const seedInput: TextInput = {
  title: seed.exact.title,
  lead: seed.exact.lead,
  text: seed.paragraphs_in_order_each_once.join('\n\n'),
};

const codes = (tags: Tags): string[] => tags.countries.map((country) => country.code);
const ofKind = (tags: Tags, kind: EntityV1['kind']): EntityV1[] =>
  tags.entities.filter((entity) => entity.kind === kind);
const named = (tags: Tags, kind: EntityV1['kind'], name: string): EntityV1 | undefined =>
  ofKind(tags, kind).find((entity) => entity.name === name);

describe(tagText.name, () => {
  describe('on the seed story (Putin and Al Thani, Sputnik)', () => {
    let tags: Tags;
    beforeAll(() => {
      tags = tagText(seedInput);
    });

    it('finds exactly the countries the story points at', () => {
      expect([...codes(tags)].sort()).toEqual([...seed.set.countries].sort());
    });

    it('ranks the two countries in focus above the ones only mentioned', () => {
      const salience = new Map(tags.countries.map((c) => [c.code, c.salience]));
      for (const focus of ['RU', 'QA']) {
        for (const mentioned of ['SY', 'PS']) {
          expect(salience.get(focus)).toBeGreaterThan(salience.get(mentioned) ?? Infinity);
        }
      }
      const sorted = [...tags.countries].sort((a, b) => b.salience - a.salience);
      expect(tags.countries).toEqual(sorted);
    });

    it('marks Russia and Qatar as the focus and Syria and Palestine as mentioned', () => {
      const focus = Object.fromEntries(tags.countries.map((c) => [c.code, c.focus]));
      expect(focus).toEqual({ RU: true, QA: true, SY: false, PS: false });
    });

    it('says where each country was found, and each span points at its words', () => {
      const zones = Object.fromEntries(tags.countries.map((c) => [c.code, c.foundIn]));
      expect(zones['QA']).toEqual(['title', 'lead', 'body']);
      expect(zones['PS']).toEqual(['body']);
      const texts = {
        title: seedInput.title ?? '',
        lead: seedInput.lead ?? '',
        body: seed.paragraphs_in_order_each_once,
      };
      for (const country of tags.countries) {
        for (const span of country.spans ?? []) {
          const zoneText =
            span.zone === 'body' ? (texts.body[span.paragraph] ?? '') : texts[span.zone];
          expect(zoneText.slice(span.start, span.end)).toBe(span.text);
        }
      }
      const gaza = tags.countries.find((c) => c.code === 'PS')?.spans?.[0];
      expect(gaza?.text).toBe('Gaza Strip');
    });

    it('detects the language of a text given without one', () => {
      expect(tags.language).toBe('en');
    });

    it('counts Russia through its name, demonym, capital and seat of government', () => {
      const russia = tags.countries.find((c) => c.code === 'RU');
      expect(russia?.evidence).toEqual(
        expect.arrayContaining(['Russia', 'Russian', 'Moscow', 'Kremlin']),
      );
      expect(tags.countries.find((c) => c.code === 'QA')?.evidence).toEqual(
        expect.arrayContaining(['Qatar', 'Qatari']),
      );
      expect(tags.countries.find((c) => c.code === 'PS')?.evidence).toEqual(['Gaza Strip']);
    });

    it('names the three people without their titles', () => {
      const people = ofKind(tags, 'person').map((person) => person.name);
      expect(people).toEqual(expect.arrayContaining(seed.contains.people));
      for (const name of people) {
        expect(name).not.toMatch(/\b(?:President|Emir|Sheikh|Kremlin|spokesman)\b/);
      }
    });

    it('merges the two spellings of the emir into one person', () => {
      const emirs = ofKind(tags, 'person').filter((person) => person.name.includes('Thani'));
      expect(emirs).toHaveLength(1);
      expect(emirs[0]?.name).toBe('Tamim bin Hamad Al Thani');
      expect(emirs[0]?.surfaceForms).toEqual(
        expect.arrayContaining(['Tamim bin Hamad Al Thani', 'Tamim Benhamad Al Thani']),
      );
    });

    it('attaches surname-only mentions to the full name, in the headline too', () => {
      const putin = named(tags, 'person', 'Vladimir Putin');
      const peskov = named(tags, 'person', 'Dmitry Peskov');
      expect(putin?.surfaceForms).toContain('Putin');
      // Lead and fifth paragraph in full, the headline by surname.
      expect(putin?.mentions).toBe(3);
      // Twice in full, twice as "Peskov".
      expect(peskov?.surfaceForms).toEqual(['Dmitry Peskov', 'Peskov']);
      expect(peskov?.mentions).toBe(4);
      expect(ofKind(tags, 'person').map((p) => p.name)).not.toContain('Putin');
    });

    it('lists Moscow and the Gaza Strip among places, and the Kremlin as an organisation', () => {
      const places = ofKind(tags, 'place').map((place) => place.name);
      expect(places).toEqual(expect.arrayContaining(seed.contains.places));
      expect(named(tags, 'organisation', 'Kremlin')).toBeDefined();
    });

    it('files the story under politics and under conflict, war and peace', () => {
      const topics = tags.topics.map((topic) => topic.code);
      expect(topics).toEqual(expect.arrayContaining(seed.contains.topics_iptc_top_level));
      expect(tags.topics.find((t) => t.code === 'medtop:11000000')?.label).toBe('politics');
    });
  });

  describe('countries', () => {
    it('reads "US" only as written, never inside a word or in lower case', () => {
      const tags = tagText({
        text: 'The plan focuses on USB sticks and status updates; he told us the bus was late.',
      });
      expect(tags.countries).toEqual([]);
      expect(codes(tagText({ text: 'The US said on Monday that it would respond.' }))).toEqual([
        'US',
      ]);
    });

    it('returns nothing for a text about no place', () => {
      const tags = tagText({
        title: 'A quiet afternoon',
        text: 'The cat sat on the mat and looked at the garden while the rain fell softly.',
      });
      expect(tags.countries).toEqual([]);
      expect(ofKind(tags, 'place')).toEqual([]);
    });

    it('counts demonyms, singular or plural, for their country', () => {
      const tags = tagText({ text: 'Mexican officials met Canadian farmers and Russians.' });
      expect([...codes(tags)].sort()).toEqual(['CA', 'MX', 'RU']);
      expect(ofKind(tags, 'place')).toEqual([]);
    });

    it('tags the Gaza Strip and the West Bank as Palestine', () => {
      const tags = tagText({ text: 'Talks on the Gaza Strip and the West Bank resumed.' });
      expect(tags.countries).toEqual([
        expect.objectContaining({ code: 'PS', mentions: 2, evidence: ['Gaza Strip', 'West Bank'] }),
      ]);
    });

    it('reads no country in a person’s name', () => {
      const tags = tagText({ text: 'Chad Smith said Smith would return. Jordan Peterson agreed.' });
      expect(tags.countries).toEqual([]);
      expect(ofKind(tags, 'person').map((p) => p.name)).toEqual(['Chad Smith', 'Jordan Peterson']);
    });

    it('reads no country in a title such as "Emir"', () => {
      expect(tagText({ text: 'The Emir received the delegation.' }).countries).toEqual([]);
    });

    it('weighs a mention in the title above one in the body', () => {
      const tags = tagText({ title: 'Japan Hosts Summit', text: 'Brazil sent a delegation.' });
      expect(codes(tags)).toEqual(['JP', 'BR']);
    });

    it('prefers the country sense of an ambiguous name unless the text says otherwise', () => {
      expect(codes(tagText({ text: 'Georgia held elections on Saturday.' }))).toEqual(['GE']);
      expect(codes(tagText({ text: 'She grew up in Paris before moving on.' }))).toEqual(['FR']);
      expect(
        codes(tagText({ text: 'In Atlanta and Savannah, Georgia voters went to the polls.' })),
      ).toEqual(['US']);
      expect(codes(tagText({ text: 'She grew up in Paris, Texas, before moving on.' }))).toEqual([
        'US',
      ]);
    });

    it('reads a dateline in capitals but not an acronym', () => {
      expect(codes(tagText({ text: 'WASHINGTON (Reuters) - The president spoke.' }))).toEqual([
        'US',
      ]);
      expect(codes(tagText({ text: 'The show opens at MOCA on Friday.' }))).toEqual([]);
    });

    it('takes a demonym used for a language as no country', () => {
      const text =
        'The film was shown in Spanish with subtitles for the Spanish-speaking audience.';
      expect(tagText({ text }).countries).toEqual([]);
    });

    it('makes seats of power count for their country as organisations', () => {
      const tags = tagText({ text: 'He visited the Kremlin, the White House and Downing Street.' });
      expect([...codes(tags)].sort()).toEqual(['GB', 'RU', 'US']);
      expect(ofKind(tags, 'organisation').map((o) => o.name)).toEqual([
        'Kremlin',
        'White House',
        'Downing Street',
      ]);
    });
  });

  describe('limits', () => {
    // Organisations named "Zqab Bank", "Zqac Bank", ...: one each.
    const banks = (count: number): string[] =>
      Array.from({ length: count }, (_, i) => {
        const letter = (k: number): string => String.fromCharCode(97 + (k % 26));
        return `Zq${letter(Math.floor(i / 26))}${letter(i)} Bank`;
      });
    const organisations = (text: string): EntityV1[] => ofKind(tagText({ text }), 'organisation');

    it('lists up to MAX_ENTITIES_PER_KIND entities of a kind', () => {
      const text = `${banks(MAX_ENTITIES_PER_KIND).join(', ')}.`;

      expect(organisations(text)).toHaveLength(MAX_ENTITIES_PER_KIND);
    });

    it('lists the MAX_ENTITIES_PER_KIND most mentioned of more', () => {
      const names = banks(MAX_ENTITIES_PER_KIND + 1);
      const last = names[MAX_ENTITIES_PER_KIND] ?? '';
      const text = `${names.join(', ')}, and the ${last} again.`;

      const found = organisations(text);

      expect(found).toHaveLength(MAX_ENTITIES_PER_KIND);
      expect(found[0]).toMatchObject({ name: last, mentions: 2 });
    });

    it('lists up to MAX_SURFACE_FORMS ways an entity was written, the first ones', () => {
      // One organisation, "Zorvan Bank", written with other accents each time.
      const spellings = ['o', 'ó', 'ò', 'ô', 'ö', 'õ'].flatMap((o) =>
        ['a', 'á', 'à', 'â', 'ä', 'ã'].map((a) => `Z${o}rv${a}n Bank`),
      );
      const formsOf = (count: number): string[] =>
        organisations(`${spellings.slice(0, count).join(', ')}.`)[0]?.surfaceForms ?? [];

      expect(formsOf(MAX_SURFACE_FORMS)).toEqual(spellings.slice(0, MAX_SURFACE_FORMS));
      expect(formsOf(MAX_SURFACE_FORMS + 1)).toEqual(spellings.slice(0, MAX_SURFACE_FORMS));
    });
  });
});
