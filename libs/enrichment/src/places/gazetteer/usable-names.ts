import { isCommonWord } from '../../text/common-words';
import { PERSON_NAME_TAGS, lexiconTags } from '../../text/lexicon';
import { fold, wordSet } from '../../text/text-tokens';
import type { PlaceSense } from './place-sense';

// Which names from the datasets the gazetteer takes, and which need context to count: a name
// that is also an ordinary word or a person's.

const PLACE_TAGS = ['Place', 'City', 'Country', 'Region'];

/** Subdivision names that are only directions or administrative words ("Central", "Nord"). */
const GENERIC_REGION_WORDS = wordSet(`
  north south east west northern southern eastern western central centre center nord sud est ouest
  norte sur capital federal district coast coastal island islands region province upper lower
  middle city of the and highlands lakes rivers delta plateau plateaux littoral maritime savanes
  lagoon lagunes ocean oriental occidental interior valley mountain mountains border lake river
  sea side end
`);

/**
 * Names as an English news text writes them: Latin script, no "Korea, Republic of" inversions,
 * and no bare two-letter ISO codes ("IN", "IT", "NO" are words; "US" and "UK" come from the
 * curated list, matched in capitals only).
 */
export function usableCountryName(name: string, code: string): boolean {
  if (name === code || name.includes(',') || /\(/.test(name)) return false;
  if (name.length < 3) return false;
  return /^[\p{Script=Latin}\s.'’-]+$/u.test(name);
}

/** A name in another language: its own script (Latin, Cyrillic, Arabic), no inversions. */
export function usableLocalName(name: string): boolean {
  if (name.includes(',') || name.includes('(') || name.length < 3) return false;
  return /^[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Arabic}\p{M}\s.'’-]+$/u.test(name);
}

/** An English word, first name or name of anything in compromise's lexicon. */
export function isEnglishWord(name: string): boolean {
  return homonymCaution(name) !== null || lexiconTags(fold(name)).length > 0;
}

/** Places that are also common first names, beyond those compromise's lexicon knows. */
const FIRST_NAME_PLACES = wordSet('jordan chad georgia');

export function personalName(name: string): boolean {
  const word = fold(name).toLowerCase();
  if (/\s/.test(word)) return false;
  return (
    FIRST_NAME_PLACES.has(word) || lexiconTags(word).some((tag) => PERSON_NAME_TAGS.includes(tag))
  );
}

export function usableRegionName(name: string): boolean {
  if (name.includes(',') || name.includes('(') || name.length < 4) return false;
  if (!/^[\p{Script=Latin}\s.'’-]+$/u.test(name)) return false;
  const words = name.toLowerCase().split(/[\s-]+/);
  return !words.every((word) => GENERIC_REGION_WORDS.has(word));
}

/**
 * What else a one-word name is: a person's name or an ordinary word (compromise's lexicon, then
 * SCOWL), or nothing. A name compromise files as a place is taken as a place first.
 */
export function homonymCaution(name: string): PlaceSense['caution'] {
  if (/\s/.test(name)) return null;
  const word = fold(name);
  const tags = lexiconTags(word);
  if (tags.some((tag) => PLACE_TAGS.includes(tag))) return null;
  if (tags.some((tag) => PERSON_NAME_TAGS.includes(tag))) return 'person';
  if (isCommonWord(word)) return 'word';
  if (tags.length === 0 || (tags.length === 1 && tags[0] === 'ProperNoun')) return null;
  return 'word';
}
