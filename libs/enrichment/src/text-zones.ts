/** Where a piece of text sits in the article: the title and the lead say what the story is about. */
export type ZoneKind = 'title' | 'lead' | 'body';

export interface TextZone {
  kind: ZoneKind;
  /** Position among the zones, in reading order (title 0, lead next, then each body paragraph). */
  order: number;
  text: string;
  /** For a body zone, its index among the input's paragraphs (blank-line separated); else 0. */
  paragraph: number;
  /**
   * Written in headline case ("Talks Between Putin and Al Thani Mark ..."): capitals carry no
   * information there, so name finders must not treat a capitalised word as a name.
   */
  headline: boolean;
}

export interface TextInput {
  title?: string | null;
  lead?: string | null;
  text: string;
  /** The text's language (ISO 639-1) when known; null when unknown, left out to detect it. */
  language?: string | null;
}

/**
 * Splits an article into title, lead and body paragraphs. A lead that repeats the first body
 * paragraph (publishers often reuse it as the description) is counted once, as the lead. Text is
 * whitespace-normalised, so offsets into a zone are offsets into an extracted paragraph as is.
 */
/** Longer than any headline or subheading: 200 characters is about 30 words. */
const HEADLINE_MAX_CHARS = 200;

export function toZones(input: TextInput): TextZone[] {
  const zones: TextZone[] = [];
  const push = (kind: ZoneKind, text: string, paragraph = 0): void => {
    // A paragraph of prose is never in headline case; only short ones (subheadings) are read.
    const headline = text.length <= HEADLINE_MAX_CHARS && isHeadlineCase(text);
    zones.push({ kind, order: zones.length, text, paragraph, headline });
  };

  const title = clean(input.title);
  const lead = clean(input.lead);
  if (title) push('title', title);
  if (lead) push('lead', lead);

  const paragraphs = input.text
    .split(/\n\s*\n/)
    .map((paragraph) => clean(paragraph))
    .filter((paragraph) => paragraph.length > 0);
  // The lead's repeat is skipped, but the paragraphs after it keep their own index.
  const skipFirst = lead !== '' && paragraphs[0] === lead;
  paragraphs.forEach((paragraph, index) => {
    if (index > 0 || !skipFirst) push('body', paragraph, index);
  });
  return zones;
}

function clean(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** Most words of four letters or more start with a capital: a headline, not a sentence. */
export function isHeadlineCase(text: string): boolean {
  const words = text.match(/\p{L}{4,}/gu) ?? [];
  if (words.length < 3) return false;
  const capitalised = words.filter((word) => /^\p{Lu}/u.test(word)).length;
  // Name-heavy news sentences reach about 0.6; real headlines are near 1.
  return capitalised / words.length >= 0.75;
}
