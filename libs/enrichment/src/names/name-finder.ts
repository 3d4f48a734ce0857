import { tokenize } from '../text/text-tokens';
import type { Token } from '../text/text-tokens';
import { findOrganisationSpans } from './organisation-spans';
import { findPeopleSpans } from './person-spans';
import { ZoneWords } from './zone-words';
import type { TokenSpan } from './zone-words';

export interface FoundNames {
  tokens: readonly Token[];
  /** Full names, titles left out: "Vladimir Putin" of "President Vladimir Putin". */
  people: TokenSpan[];
  /** Candidate organisation names; organisation-finder decides which to keep. */
  organisations: TokenSpan[];
  /**
   * People's names inside the name of something else ("Percy French" of "Percy French Hotel",
   * "Dick Clark" of "Dick Clark Productions"): no person, but no place is read in them either.
   */
  namedAfter: TokenSpan[];
}

/**
 * People's and organisations' names in one zone of text, found without a part-of-speech tagger.
 *
 * Candidates first: runs of capitalised words on one line (with name particles, initials and
 * abbreviated titles inside: "Tamim bin Hamad Al Thani", "Patrick W. Carlineo", "Gov. Kristi
 * Noem"). Then each run is read word by word against compromise's lexicon (given names,
 * surnames, honorifics, organisations, places, parts of speech), SCOWL's common English words
 * and the place gazetteer. Most words of an article are not in a capitalised run, so an article
 * costs a fraction of a millisecond where a full tagger costs tens.
 *
 * A person: two or more name words, where the first is a given name, or a title or a role
 * ("goalie", "Foreign Minister") stands before them, or the last is a known surname, or every
 * one is a word no list knows (names the lists lack: "Tuukka Rask", "Saeb Erekat").
 * An organisation: a run ending with a word organisations end with ("Commission", "Bank",
 * "Party"), with an "of ..." after it ("Bank of England"); a name in the lexicon's
 * organisations and sports teams; or an acronym the lexicon knows as nothing else.
 */
export function findNames(text: string, isPlaceName: (name: string) => boolean): FoundNames {
  const tokens = tokenize(text);
  const words = new ZoneWords(text, tokens, isPlaceName);
  const { people, namedAfter } = findPeopleSpans(words);
  return { tokens, people, organisations: findOrganisationSpans(words), namedAfter };
}
