/** Where a piece of text sits in the article: the title and the lead say what the story is about. */
export type ZoneKind = 'title' | 'lead' | 'body';

export interface TextZone {
  kind: ZoneKind;
  /** Position among the zones, in reading order (title 0, lead next, then each body paragraph). */
  order: number;
  text: string;
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
}

/**
 * Splits an article into title, lead and body paragraphs. A lead that repeats the first body
 * paragraph (publishers often reuse it as the description) is counted once, as the lead.
 */
export function toZones(input: TextInput): TextZone[] {
  const zones: TextZone[] = [];
  const push = (kind: ZoneKind, text: string): void => {
    zones.push({ kind, order: zones.length, text, headline: isHeadlineCase(text) });
  };

  const title = clean(input.title);
  const lead = clean(input.lead);
  if (title) push('title', title);
  if (lead) push('lead', lead);

  const paragraphs = input.text
    .split(/\n\s*\n/)
    .map((paragraph) => clean(paragraph))
    .filter((paragraph) => paragraph.length > 0);
  if (lead && paragraphs.length > 0 && paragraphs[0] === lead) paragraphs.shift();
  for (const paragraph of paragraphs) push('body', paragraph);
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
