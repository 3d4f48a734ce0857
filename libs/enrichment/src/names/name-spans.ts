import { PERSON_NAME_TAGS, lexiconTags } from '../text/lexicon';
import type { ZoneSpan } from '../text/spans';
import type { TextZone } from '../text/text-zones';
import { isCapitalised, tokenize } from '../text/text-tokens';

/**
 * Given names in compromise's lexicon (about 4,000: "Michael", "Chad", "Morgan", "Jordan").
 * Only the word list is read, not the tagger, which costs tens of milliseconds an article.
 */
const GIVEN_NAME_TAGS = new Set(PERSON_NAME_TAGS.filter((tag) => tag !== 'LastName'));

function isGivenName(word: string): boolean {
  return lexiconTags(word).some((tag) => GIVEN_NAME_TAGS.has(tag));
}

/**
 * The spans of likely personal names, for the fast country tagger: a given name followed by
 * one or more capitalised words, on one line ("Michael Jordan", "Chad Smith", "Morgan Stanley"
 * read as a name too, which is what keeps Stanley from being the Falklands' capital). A place
 * word inside such a span is not a place. A given name alone ("Chad said") is not a span.
 */
export function likelyNameSpans(zones: readonly TextZone[]): ZoneSpan[] {
  const spans: ZoneSpan[] = [];
  for (const zone of zones) {
    const tokens = tokenize(zone.text);
    for (let index = 0; index < tokens.length; index++) {
      const first = tokens[index];
      // The cheap tests first: most words are not followed by a capitalised one.
      if (!first || first.next !== 'space' || !isCapitalised(tokens[index + 1]?.text ?? '')) {
        continue;
      }
      if (!isCapitalised(first.text) || !isGivenName(first.text)) continue;
      let last = index;
      while (tokens[last]?.next === 'space' && isCapitalised(tokens[last + 1]?.text ?? '')) last++;
      const end = tokens[last];
      if (last > index && end) {
        spans.push({ zone: zone.order, start: first.start, end: end.end });
        index = last;
      }
    }
  }
  return spans;
}
