import { fold, tokenizeOnce } from '../../text/text-tokens';

/** The form a name takes in the index: its tokens, folded, joined by single spaces. */
export function keyOf(name: string): string {
  return tokenizeOnce(name)
    .map((token) => fold(token.text.slice(elisionLength(token.text))))
    .join(' ');
}

/**
 * Length of an elided French or Italian article or preposition glued to a name ("l'Allemagne",
 * "d'Ivoire", "dell'Iran"): the name starts after it. Zero when there is none.
 */
export function elisionLength(token: string): number {
  // Nearly every word has no apostrophe in its first five letters: no need for the expression.
  if (!apostropheNearStart(token)) return 0;
  const apostrophe = Math.max(token.indexOf("'", 1), token.indexOf('’', 1));
  if (apostrophe < 0 || apostrophe > 4) return 0;
  return ELISION.exec(token)?.[0].length ?? 0;
}

/** An apostrophe at index 1 to 4, where an elided article ends. */
function apostropheNearStart(token: string): boolean {
  const end = Math.min(token.length, 5);
  for (let i = 1; i < end; i += 1) {
    const code = token.charCodeAt(i);
    if (code === 39 || code === 0x2019) return true;
  }
  return false;
}

const ELISION = /^(?:[cdjlmnst]|qu|dell|all|nell|sull|dall)['’](?=\p{Lu})/iu;
