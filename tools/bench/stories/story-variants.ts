/**
 * Syndicated variants of one article body, as sites republish a wire story: the same text under
 * another headline and dateline, with the end trimmed, another byline, boilerplate lines added,
 * a few words changed, and all of these at once. Each variant is seeded, so a run repeats.
 */

export type VariantKind = 'headline' | 'trimmed' | 'byline' | 'boilerplate' | 'edits' | 'combined';

export const VARIANT_KINDS: readonly VariantKind[] = [
  'headline',
  'trimmed',
  'byline',
  'boilerplate',
  'edits',
  'combined',
];

/** Share of the paragraphs a trimmed copy drops from the end (at least one). */
export const TRIMMED_SHARE = 0.3;

/** Share of words a copy edits (another word in its place: house style, spelling, a typo fixed). */
export const EDITED_SHARE = 0.03;

const BOILERPLATE = [
  'Sign up for our morning newsletter to get the top stories in your inbox.',
  'Advertisement',
  'Read more: the latest news from our correspondents around the world.',
  'Follow us on Twitter, Facebook and Instagram for the latest updates.',
  '© 2026 Daily Courier Media Group. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.',
];

const DATELINES = ['WASHINGTON (AP) —', 'LONDON (Reuters) -', 'NEW YORK —', 'PARIS (AFP) -'];
const BYLINES = ['By Maria Lopez, Staff Writer', 'By James Okafor | Wire services', 'Jane Smith'];
const SWAPS = ['says', 'stated', 'announced', 'however', 'reportedly', 'also', 'the', 'a'];

export interface Variant {
  kind: VariantKind;
  title: string;
  body: string;
}

function paragraphsOf(body: string): string[] {
  return body
    .split(/\n+/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)] as T;
}

function withHeadline(title: string, paragraphs: string[], random: () => number): Variant {
  const [first = '', ...rest] = paragraphs;
  return {
    kind: 'headline',
    title: `UPDATE: ${title.split(' ').reverse().join(' ')}`,
    body: [`${pick(DATELINES, random)} ${first}`, ...rest].join('\n\n'),
  };
}

function trimmed(paragraphs: string[]): string[] {
  const drop = Math.max(1, Math.round(paragraphs.length * TRIMMED_SHARE));
  return paragraphs.length > 1 ? paragraphs.slice(0, paragraphs.length - drop) : paragraphs;
}

function withByline(paragraphs: string[], random: () => number): string[] {
  const byline = pick(BYLINES, random);
  return [byline, ...paragraphs, `${byline.replace(/^By /, '')} contributed to this report.`];
}

function withBoilerplate(paragraphs: string[], random: () => number): string[] {
  const out = [...paragraphs];
  out.splice(Math.floor(out.length / 2), 0, pick(BOILERPLATE.slice(1, 3), random));
  return [BOILERPLATE[0] as string, ...out, BOILERPLATE[3] as string, BOILERPLATE[4] as string];
}

function withEdits(paragraphs: string[], random: () => number): string[] {
  return paragraphs.map((p) =>
    p
      .split(' ')
      .map((word) => (random() < EDITED_SHARE ? pick(SWAPS, random) : word))
      .join(' '),
  );
}

/** Every variant kind of the article, in VARIANT_KINDS order. */
export function variantsOf(title: string, body: string, random: () => number): Variant[] {
  const paragraphs = paragraphsOf(body);
  const join = (ps: string[]) => ps.join('\n\n');
  return [
    withHeadline(title, paragraphs, random),
    { kind: 'trimmed', title, body: join(trimmed(paragraphs)) },
    { kind: 'byline', title, body: join(withByline(paragraphs, random)) },
    { kind: 'boilerplate', title, body: join(withBoilerplate(paragraphs, random)) },
    { kind: 'edits', title, body: join(withEdits(paragraphs, random)) },
    {
      kind: 'combined',
      title: `${title} (updated)`,
      body: join(
        withBoilerplate(withByline(withEdits(trimmed(paragraphs), random), random), random),
      ),
    },
  ];
}
