import { isCommonWord } from '../text/common-words';
import { lexiconTagSet } from '../text/lexicon';
import type { FoundNames } from '../names/name-finder';
import type { PlaceMention } from '../places/matcher/place-mention';
import type { ZoneSpan } from '../text/spans';
import { SpanIndex } from '../text/span-index';
import type { TextZone } from '../text/text-zones';
import { fold, isCapitalised, withoutPossessive } from '../text/text-tokens';
import type { Token } from '../text/text-tokens';

export interface OrganisationFound {
  name: string;
  surfaceForms: string[];
  mentions: number;
}

/** "U.S.-led", "Kremlin-backed": a place used as an adjective, not an organisation. */
const PLACE_COMPOUND = /-(?:led|backed|based|born|owned|funded|made|run|linked|allied)$/i;

/**
 * Organisations name-finder names ("European Commission", "Apple Inc."), trimmed to their
 * capitalised words, outside people's names and other than places; plus the seats of power
 * the gazetteer knows ("Kremlin", "White House"), which stand for their governments.
 */
export function findOrganisations(
  zones: readonly TextZone[],
  names: ReadonlyMap<number, FoundNames>,
  people: readonly ZoneSpan[],
  places: readonly PlaceMention[],
  isPlaceName: (name: string) => boolean,
): OrganisationFound[] {
  const found = new Map<string, { name: string; forms: Set<string>; mentions: number }>();
  const add = (name: string, surface: string): void => {
    const key = fold(name).toLowerCase();
    const entry = found.get(key) ?? { name, forms: new Set<string>(), mentions: 0 };
    entry.forms.add(surface);
    entry.mentions += 1;
    found.set(key, entry);
  };
  const placeNames = new Set(places.map((place) => fold(place.surface).toLowerCase()));
  const inPersonName = new SpanIndex(people);

  for (const zone of zones) {
    const found = names.get(zone.order);
    if (!found || zone.headline) continue;
    for (const span of found.organisations) {
      const terms = trim(found.tokens.slice(span.first, span.end));
      const first = terms[0];
      const last = terms[terms.length - 1];
      if (!first || !last) continue;
      const name = withoutPossessive(zone.text.slice(first.start, last.end));
      const overlapsPerson = inPersonName.overlaps(zone.order, first.start, last.end);
      if (overlapsPerson || PLACE_COMPOUND.test(name) || placeNames.has(fold(name).toLowerCase())) {
        continue;
      }
      if (terms.length === 1 && !isKnownOrganisationWord(name)) continue;
      // "The Mexican", "TIJUANA & SAN": a place or a people, or stray punctuation, is no name.
      if (isPlaceName(name.replace(/^The\s+/, '')) || !/^[\p{L}\p{M}\p{N}&.'’ -]+$/u.test(name)) {
        continue;
      }
      add(name, name);
    }
  }
  // A leader's name or an office ("Putin", "Taoiseach") is a landmark too, but no organisation.
  for (const { sense, surface } of places) {
    if (sense.kind === 'landmark' && sense.office === undefined) add(sense.name, surface);
  }
  return [...found.values()].map(({ name, forms, mentions }) => ({
    name,
    surfaceForms: [...forms],
    mentions,
  }));
}

/**
 * Alone, only an acronym ("NATO", "CIS") or a name the lexicon files as an organisation or a
 * team is kept: a lone capitalised word is far more often something else.
 */
function isKnownOrganisationWord(word: string): boolean {
  if (/^[A-Z][A-Z&]{1,6}$/.test(word)) return true;
  return !isCommonWord(word) && lexiconTagSet(word.toLowerCase()).has('Organization');
}

/** Leading and trailing words that are not capitalised ("the", "coalition") are not the name. */
function trim(terms: readonly Token[]): readonly Token[] {
  let from = 0;
  let to = terms.length;
  const capitalised = (term: Token | undefined): boolean => !!term && isCapitalised(term.text);
  while (from < to && !capitalised(terms[from])) from += 1;
  while (to > from && !capitalised(terms[to - 1])) to -= 1;
  return terms.slice(from, to);
}
