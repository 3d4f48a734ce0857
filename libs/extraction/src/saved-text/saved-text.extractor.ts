import type { ArticleImageV1 } from '@newsflow/contracts';
import { emptyDraft, fromOneSource } from '../article-draft';
import type { ArticleDraft, DraftContext } from '../article-draft';
import { isDateline, parseDate } from '../text/date-parser';
import { splitCaptionCredit, startsWithCredit } from '../text/photo-credit';
import type { CaptionAndCredit } from '../text/photo-credit';
import { mergeReadingOrder } from '../text/reading-order';
import { splitRunOnSentences } from '../text/run-on-sentences';
import { comparisonKey, normalizeText, sameText } from '../text/text-normalizer';

/**
 * An image's alt text as it lands in a page's visible text: "<caption> - <Site Name>, <width>,
 * <date>", e.g. "A general view of the Kremlin - Sputnik International, 1920, 17.04.2025".
 */
const IMAGE_ALT_RESIDUE = /^(?<caption>.+) - (?<site>[^,]{2,80}), \d+, (?<date>[^,]+)$/u;

/** Lines 1 to 5 of the saved-page layout. */
const HEADER_LINES = 5;

/**
 * Copies of the body one text may hold. Each line that repeats the title starts a copy, and each
 * copy is merged with those before it: the saved-page layout holds two (the scraped text, then the
 * page's visible text), and a headline the page's furniture repeats adds a few. Past this, a
 * repeat of the title starts no copy and the lines after it join the last one (8,000 title lines
 * took 9 s to merge).
 */
export const MAX_BODY_COPIES = 10;

/**
 * Credits, and captions, seen alone that a credit glued to a caption is compared with: the first
 * this many distinct ones. Each credit line is compared with each of them (40,000 credit lines took
 * 26 s); a page shows tens of pictures.
 */
export const MAX_KNOWN_CREDITS = 100;

/**
 * Reads a page saved as plain text. Two layouts:
 *
 * The saved-page layout, recognised by lines 4 and 5 each being a date or empty:
 *   1 the page title, 2 its og:title, 3 its description, 4 the published time, 5 the modified
 *   time; then the article text as a scraper extracted it; then, from the first line that
 *   repeats the title on, the page's visible text, which holds the body again together with the
 *   dateline, photo credits, captions and image alt text.
 *
 * Any other text: the first non-empty line is the title, the rest is the body.
 *
 * In both, the body loses what is not article text (lines repeating the title, datelines, photo
 * credits and captions, which become images, and image alt text); sentences a scraper glued
 * together are split; the copies of the body are merged, each paragraph once.
 */
export function extractSavedText(text: string, context: DraftContext): ArticleDraft {
  const lines = text.split(/\r?\n/).map(normalizeText);
  const header = readHeader(lines, context.now);
  const draft = emptyDraft();
  draft.title = header.title ?? header.ogTitle;
  draft.lead = header.description;
  draft.publishedAt = header.publishedAt;
  draft.updatedAt = header.updatedAt;

  const body = readBody(header.body, [header.title, header.ogTitle], context.now);
  draft.paragraphs = mergeReadingOrder(body.copies, context.deadline);
  draft.images = body.images;
  draft.siteName = body.siteName;
  return fromOneSource(draft, 'saved-text');
}

interface Header {
  title: string | null;
  ogTitle: string | null;
  description: string | null;
  publishedAt: string | null;
  updatedAt: string | null;
  body: string[];
}

function readHeader(lines: string[], now: Date): Header {
  const published = lines[3] ?? '';
  const modified = lines[4] ?? '';
  const isDateOrEmpty = (line: string): boolean => line === '' || parseDate(line, now) !== null;
  if (lines.length > HEADER_LINES && isDateOrEmpty(published) && isDateOrEmpty(modified)) {
    return {
      title: orNull(lines[0]),
      ogTitle: orNull(lines[1]),
      description: orNull(lines[2]),
      publishedAt: parseDate(published, now),
      updatedAt: parseDate(modified, now),
      body: lines.slice(HEADER_LINES),
    };
  }
  const first = lines.findIndex((line) => line !== '');
  return {
    title: orNull(lines[first]),
    ogTitle: null,
    description: null,
    publishedAt: null,
    updatedAt: null,
    body: first < 0 ? [] : lines.slice(first + 1),
  };
}

interface Body {
  /** The copies of the body, each split where a line repeats the title. */
  copies: string[][];
  images: ArticleImageV1[];
  siteName: string | null;
}

function readBody(lines: string[], titles: (string | null)[], now: Date): Body {
  const residues = lines.map(readImageAltResidue);
  const knownCaptions = firstDistinct(
    residues.flatMap((residue) => (residue ? [residue.caption] : [])),
  );
  // A credit seen on a line of its own tells where the same credit ends when glued to a caption.
  const knownCredits = firstDistinct(
    lines.flatMap((line) => {
      if (!startsWithCredit(line)) return [];
      const alone = splitCaptionCredit(line);
      return alone.caption === null && alone.credit !== null ? [alone.credit] : [];
    }),
  );

  const copies: string[][] = [[]];
  const images = new ImageList();
  let siteName: string | null = null;
  lines.forEach((line, index) => {
    const residue = residues[index];
    if (line === '' || isDateline(line, now)) return;
    if (titles.some((title) => sameText(title, line))) {
      // The page's visible text starts with its headline: a new copy of the body begins.
      if (copies.at(-1)?.length && copies.length < MAX_BODY_COPIES) copies.push([]);
    } else if (residue) {
      siteName ??= residue.site;
      images.add({ caption: residue.caption, credit: null });
    } else if (startsWithCredit(line)) {
      images.add(splitCaptionCredit(line, { knownCredits, knownCaptions }));
    } else {
      // One at a time: spread into push, a line of a million glued sentences overflowed the stack.
      const copy = copies.at(-1);
      for (const sentence of splitRunOnSentences(line)) copy?.push(sentence);
    }
  });
  return { copies, images: images.list, siteName };

  function readImageAltResidue(line: string): { caption: string; site: string } | null {
    const groups = IMAGE_ALT_RESIDUE.exec(line)?.groups;
    if (!groups?.['caption'] || !groups['site'] || parseDate(groups['date'], now) === null) {
      return null;
    }
    return { caption: groups['caption'].trim(), site: groups['site'].trim() };
  }
}

/** The first MAX_KNOWN_CREDITS distinct texts, compared as paragraphs are. */
function firstDistinct(texts: readonly string[]): string[] {
  const seen = new Set<string>();
  const distinct: string[] = [];
  for (const text of texts) {
    if (distinct.length >= MAX_KNOWN_CREDITS) break;
    const key = comparisonKey(text);
    if (seen.has(key)) continue;
    seen.add(key);
    distinct.push(text);
  }
  return distinct;
}

/**
 * Images met as caption and credit lines. The same image shows up several times in a page's
 * visible text (credit glued to caption, alt text, credit alone); one caption is one image.
 * Indexed by caption and by credit, so that each line costs the same however many came before.
 */
class ImageList {
  readonly list: ArticleImageV1[] = [];
  private readonly byCaption = new Map<string, ArticleImageV1>();
  private readonly credits = new Set<string>();
  /** Images that had no credit when added, latest last; those credited since are skipped. */
  private readonly uncredited: ArticleImageV1[] = [];

  add({ caption, credit }: CaptionAndCredit): void {
    if (caption === null) {
      // A credit alone belongs to the latest image that has none yet.
      while (this.uncredited.at(-1)?.credit != null) this.uncredited.pop();
      const latest = this.uncredited.at(-1);
      if (credit !== null && latest && !this.credits.has(comparisonKey(credit))) {
        this.setCredit(latest, credit);
      }
      return;
    }
    const same = this.byCaption.get(comparisonKey(caption));
    if (same) {
      if (same.credit === null && credit !== null) this.setCredit(same, credit);
      return;
    }
    const image = { url: null, caption, credit };
    this.list.push(image);
    this.byCaption.set(comparisonKey(caption), image);
    if (credit === null) this.uncredited.push(image);
    else this.credits.add(comparisonKey(credit));
  }

  private setCredit(image: ArticleImageV1, credit: string): void {
    image.credit = credit;
    this.credits.add(comparisonKey(credit));
  }
}

function orNull(line: string | undefined): string | null {
  return line ? line : null;
}
