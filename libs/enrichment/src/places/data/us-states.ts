import states from './us-states.json';

/**
 * US state abbreviations as the news writes them after a town: AP style in datelines and text
 * ("MENLO PARK, Calif.", "Slidell, La.", "Newark, N.J."), postal codes in listings and
 * releases ("Austin, TX 78701"). Many are also words ("Ind.", "Miss.", "Pa.", "Wash.", "OR",
 * "IN", "ME"), so one is read only right after a capitalised word and a comma: "<Town>, <Abbr>".
 */

/**
 * From us-states.json: AP's abbreviations (and common older forms) by postal code, where states
 * AP spells out are absent; and the fifty states' and DC's postal codes, the codes a town may be
 * followed by.
 */
const AP_ABBREVIATIONS: Readonly<Record<string, readonly string[]>> = states.apAbbreviations;
export const US_STATE_CODES: readonly string[] = states.postalCodes;

const BY_ABBREVIATION = new Map<string, string>(
  Object.entries(AP_ABBREVIATIONS).flatMap(([code, forms]) => forms.map((form) => [form, code])),
);

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * ", <Abbr>": a comma, then an AP abbreviation with its full stop, or a postal code in capitals
 * that no letter follows. The word before the comma is checked apart (see afterTown).
 */
const AFTER_COMMA = new RegExp(
  `,[ \u00a0]?(?:(${[...BY_ABBREVIATION.keys()].map(escape).join('|')})(?![\\p{L}\\p{N}])` +
    `|(${US_STATE_CODES.join('|')})(?![\\p{L}\\p{N}'’]|[.-]\\p{L}))`,
  'uy',
);

/** The longest town word looked back over: "Massachusetts" has 13 letters. */
const MAX_TOWN_WORD = 40;

/** How far into a text its dateline may reach: "MENLO PARK, Calif." opens it. */
const DATELINE_REACH = 60;

/**
 * A capitalised word ends right at the comma: "Slidell," or "MENLO PARK,", not "said,". A word
 * in capitals only in a dateline or a shouted line: elsewhere it is an acronym ("MRT, CT").
 */
function afterTown(text: string, comma: number, shouting: () => boolean): boolean {
  let i = comma - 1;
  const stop = Math.max(0, comma - MAX_TOWN_WORD);
  while (i >= stop && /[\p{L}\p{M}'’.-]/u.test(text.charAt(i))) i -= 1;
  const word = text.slice(i + 1, comma).replace(/^[.'’-]+/, '');
  if (!/^\p{Lu}/u.test(word)) return false;
  if (word !== word.toUpperCase()) return true;
  return comma < DATELINE_REACH || shouting();
}

function isCapitalAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 65 && code <= 90;
}

/** A postal code is also a word in capitals ("OR", "IN", "ME") in a shouted line. */
const POSTAL_IN_SHOUTING = /^[ \u00a0]?\d{5}/;

export interface StateAbbreviation {
  /** Postal code of the state: "CA" for "Calif." and for "CA". */
  state: string;
  start: number;
  end: number;
}

/**
 * The state abbreviations of a text that follow a town ("Slidell, La.", "Austin, TX"). In a
 * text mostly in capitals a postal code counts only before a ZIP code ("AUSTIN, TX 78701"),
 * since there "OR" and "IN" are words. One pass over the commas, the expression tried only
 * where a capital follows one: linear in the text.
 */
export function stateAbbreviations(
  text: string,
  shouting: boolean | (() => boolean),
): StateAbbreviation[] {
  const found: StateAbbreviation[] = [];
  const shouted = (): boolean => (typeof shouting === 'function' ? shouting() : shouting);
  for (let comma = text.indexOf(','); comma >= 0; comma = text.indexOf(',', comma + 1)) {
    // Every abbreviation starts with a capital: most commas are passed over here.
    if (!isCapitalAt(text, comma + 1) && !isCapitalAt(text, comma + 2)) continue;
    AFTER_COMMA.lastIndex = comma;
    const match = AFTER_COMMA.exec(text);
    if (!match || !afterTown(text, comma, shouted)) continue;
    const [whole, ap, postal] = match;
    const form = ap ?? postal ?? '';
    const end = comma + whole.length;
    const start = end - form.length;
    if (postal && shouted() && !POSTAL_IN_SHOUTING.test(text.slice(end, end + 6))) continue;
    const state = ap ? BY_ABBREVIATION.get(ap) : postal;
    if (state) found.push({ state, start, end });
  }
  return found;
}
