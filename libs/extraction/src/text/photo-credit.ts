import { normalizeText } from './text-normalizer';

export interface CaptionAndCredit {
  caption: string | null;
  credit: string | null;
}

/**
 * What introduces a photo credit: a copyright sign, or a label such as "Photo:", "Image:",
 * "Credit:", "Photo by", "Foto:", "Bild:" or "Crédit :". ("Pictured:" introduces who is shown,
 * which is caption.)
 */
const CREDIT_MARKER =
  /(?:©|\(c\)|\b(?:photo(?:graph)?s?|fotos?|bild|image|picture|credits?|crédits?|crédito|photo credit)\s*(?::|\bby\b))\s*/iu;

/**
 * A credit in brackets at the end of a caption with no marker: "(AFP/Getty Images)",
 * "(AP Photo/Evan Vucci)", "(Reuters)". It names an agency or picture desk (CREDIT_NAME), or pairs
 * two names with a slash (NAME_PAIR), which a bracketed aside in a caption ("(left)",
 * "(2024/25)") does not. Found in two steps, the brackets and then their content: one pattern for
 * both tried every `(` against the rest of the caption, in time that grew faster than the square
 * of its length (80,000 characters after a `(` took 12 s).
 */
const BRACKETS_AT_END = /\)\s*\.?$/u;
const CREDIT_NAME =
  /\b(?:AFP|AP|ANSA|EPA|Getty|Reuters|Shutterstock|Alamy|Bloomberg|Xinhua|TASS|Sputnik|Pool|Images|Photo)\b/u;
/** A capitalised word, a slash, a capital; from the word's start, so each word is tried once. */
const NAME_PAIR = /(?<![\p{L}.])\p{Lu}[\p{L}.]*\s*\/\s*\p{Lu}/u;

/**
 * Where a credit is glued to the caption after it, as in a page's visible text:
 * "© Sputnik / Alexei DanichevA general view shows…": a lower-case letter followed at once by a
 * capital that starts a word.
 */
const GLUED_WORD = /(?<=\p{Ll})(?=\p{Lu}\p{Ll}*[\s,])/u;

/** A caption is a description, not a name: it has at least this many words. */
const MIN_CAPTION_WORDS = 3;

export interface CreditContext {
  /** Credits seen alone elsewhere on the page, e.g. "Sputnik / Alexei Danichev". */
  knownCredits?: readonly string[];
  /** Captions seen alone elsewhere on the page (an image's alt text). */
  knownCaptions?: readonly string[];
}

/**
 * Splits a caption from its photo credit: "Rescuers at work. Photo: Reuters / Jane Doe",
 * "A view of the Kremlin (© AFP)", "Rescuers at work (AFP/Getty Images)",
 * "© Sputnik / Alexei DanichevA general view of…". The credit comes back without its marker
 * ("Sputnik / Alexei Danichev"). Text with neither a credit marker nor a bracketed credit at its
 * end is all caption.
 */
export function splitCaptionCredit(text: string, context: CreditContext = {}): CaptionAndCredit {
  const normalized = normalizeText(text);
  const marker = CREDIT_MARKER.exec(normalized);
  if (!marker) return splitBracketedCredit(normalized);

  const before = normalized.slice(0, marker.index);
  const after = normalized.slice(marker.index + marker[0].length);
  if (before.trim() !== '') {
    return { caption: orNull(trimCaption(before)), credit: orNull(trimCredit(after)) };
  }
  return splitLeadingCredit(after, context);
}

/** True when the text starts with a credit marker, like "© Sputnik / Alexei Danichev". */
export function startsWithCredit(text: string): boolean {
  const marker = CREDIT_MARKER.exec(normalizeText(text));
  return marker?.index === 0;
}

/** The credit comes first; where it ends and a caption begins is worked out in this order. */
function splitLeadingCredit(text: string, context: CreditContext): CaptionAndCredit {
  const known = (context.knownCredits ?? []).find(
    (credit) => credit !== '' && text.startsWith(credit) && text.length > credit.length,
  );
  if (known) return { credit: known, caption: orNull(text.slice(known.length).trim()) };

  const caption = (context.knownCaptions ?? []).find(
    (candidate) => candidate !== '' && text.endsWith(candidate) && text.length > candidate.length,
  );
  if (caption) return { credit: orNull(trimCredit(text.slice(0, -caption.length))), caption };

  const glued = GLUED_WORD.exec(text);
  if (glued) {
    const rest = text.slice(glued.index).trim();
    if (rest.split(/\s+/).length >= MIN_CAPTION_WORDS) {
      return { credit: orNull(trimCredit(text.slice(0, glued.index))), caption: rest };
    }
  }
  return { credit: orNull(trimCredit(text)), caption: null };
}

function splitBracketedCredit(text: string): CaptionAndCredit {
  const close = BRACKETS_AT_END.exec(text)?.index ?? -1;
  const open = close < 0 ? -1 : text.lastIndexOf('(', close);
  const inside = open < 0 ? '' : text.slice(open + 1, close);
  if (open < 0 || inside.includes(')') || !(CREDIT_NAME.test(inside) || NAME_PAIR.test(inside))) {
    return { caption: orNull(text), credit: null };
  }
  return {
    caption: orNull(trimCaption(text.slice(0, open))),
    credit: orNull(trimCredit(inside)),
  };
}

// The lookbehinds start a trailing run at its first character only: a search from each of its
// characters would take time in the square of the run's length.
function trimCaption(text: string): string {
  return text.replace(/(?<![\s([|–—-])[\s([|–—-]+$/u, '').trim();
}

function trimCredit(text: string): string {
  return text
    .replace(/^[\s:©]+/u, '')
    .replace(/(?<![\s)\].])[\s)\].]+$/u, '')
    .trim();
}

function orNull(text: string): string | null {
  return text === '' ? null : text;
}
