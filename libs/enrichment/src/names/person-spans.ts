import { isCommonWord, isDictionaryWord } from '../text/common-words';
import { isOrgWord, lexiconTagSet } from '../text/lexicon';
import { isAllCaps, isCapitalised, withoutPossessive, wordSet } from '../text/text-tokens';
import { isParticle } from './name-words';
import {
  isInitial,
  lexiconPhrase,
  namesAThing,
  runsOf,
  withinNameLength,
  ZoneWords,
} from './zone-words';
import type { TokenSpan } from './zone-words';

// People's names in a zone's runs of capitalised words: a given name, a title or role before,
// a known surname, or words no list knows.

/** Maximal runs of capitalised words (and what may sit inside a name) joined on one line. */
function capitalisedRuns(words: ZoneWords): TokenSpan[] {
  const { tokens } = words;
  return runsOf(words, (end) => {
    if (end >= tokens.length || !words.joins(end - 1)) return undefined;
    if (words.capitalised(end)) return end + 1;
    // The lower-case half of a hyphenated name: "Cheuk Hau-yip".
    if (tokens[end - 1]?.next === 'hyphen' && isNameSyllable(tokens[end]?.text ?? ''))
      return end + 1;
    // Particles between two name words: "Tamim bin Hamad", "Ursula von der Leyen".
    let next = end;
    while (next < tokens.length && isParticle(tokens[next]?.text ?? '') && words.joins(next))
      next += 1;
    return next > end && words.capitalised(next) ? next + 1 : undefined;
  });
}

export function findPeopleSpans(words: ZoneWords): {
  people: TokenSpan[];
  namedAfter: TokenSpan[];
} {
  const people: TokenSpan[] = [];
  const namedAfter: TokenSpan[] = [];
  for (const run of capitalisedRuns(words)) {
    let k = run.first;
    while (k < run.end) {
      const found = lexiconPersonAt(words, run, k) ?? personAt(words, run, k);
      if (!found) {
        k += 1;
        continue;
      }
      // "Dick Clark Productions", "Percy French Hotel": the name of something else.
      const after = withoutPossessive(words.tokens[found.end]?.text ?? '').toLowerCase();
      const ofThing = found.end < run.end && (isOrgWord(after) || namesAThing(after));
      if (ofThing) namedAfter.push(found);
      else if (withinNameLength(words, found)) people.push(found);
      k = found.end;
    }
  }
  return { people, namedAfter };
}

/** A full name the lexicon knows ("Paris Hilton", "Barack Obama"), starting at token k. */
function lexiconPersonAt(words: ZoneWords, run: TokenSpan, k: number): TokenSpan | undefined {
  for (let end = Math.min(run.end, k + 3); end > k + 1; end--) {
    if (lexiconTagSet(lexiconPhrase(words, k, end)).has('Person')) return { first: k, end };
  }
  return undefined;
}

/** The person whose name starts at token k of the run, if the words there make one. */
function personAt(words: ZoneWords, run: TokenSpan, k: number): TokenSpan | undefined {
  const tokens = words.tokens;
  const titled =
    (k > run.first && words.kind(k - 1) === 'title') || (k === run.first && words.isRole(k - 1));
  if (titled) return titledPersonAt(words, run, k);
  const kind = words.kind(k);
  if (kind !== 'given' && kind !== 'surname' && kind !== 'unknown') return undefined;

  // The name words from k: particles and initials inside, a hyphenated part with them.
  const nameWords: number[] = [k];
  let end = k + 1;
  while (end < run.end) {
    const text = tokens[end]?.text ?? '';
    const wordKind = words.kind(end);
    if (isParticle(text) && end + 1 < run.end) {
      // Inside a name, "Al" and "bin" are particles ("Tamim bin Hamad Al Thani").
      end += 1;
    } else if (wordKind === 'given' || wordKind === 'surname' || wordKind === 'unknown') {
      nameWords.push(end);
      end += 1;
    } else if (
      // A double-barrelled surname with a place or a word in it: "Tanesha Melbourne-Blake".
      tokens[end]?.next === 'hyphen' &&
      words.capitalised(end) &&
      words.capitalised(end + 1) &&
      end + 1 < run.end
    ) {
      nameWords.push(end, end + 1);
      end += 2;
    } else if (tokens[end - 1]?.next === 'hyphen' && !words.capitalised(end)) {
      end += 1;
      nameWords.push(end - 1);
    } else if (isInitial(text) && end + 1 < run.end) {
      end += 1;
    } else if (
      // A given name that is nothing else takes a common word for a surname: "Fiona Hill",
      // "Taylor Swift", "John Bolton".
      nameWords.length === 1 &&
      kind === 'given' &&
      isPureGivenName(words, k) &&
      isPlainCapitalisedWord(words, end)
    ) {
      nameWords.push(end);
      end += 1;
    } else break;
  }
  // Trailing particles and initials are not part of the name.
  const last = nameWords[nameWords.length - 1] ?? k;
  end = last + 1;
  if (nameWords.length < 2) return undefined;

  const knownName = nameWords.some((index) => {
    const wordKind = words.kind(index);
    return wordKind === 'given' || wordKind === 'surname';
  });
  // Words no list knows, and no dictionary either: "Tuukka Rask", not "Caja Magica" or
  // "Shoreline Amphitheatre" (a place the gazetteer lacks).
  const unknownName =
    nameWords.length <= 3 &&
    nameWords.every((index) => !isDictionaryWord(tokens[index]?.text ?? ''));
  if (!knownName && !unknownName) return undefined;
  const start = tokens[k]?.start ?? 0;
  const stop = tokens[end - 1]?.end ?? 0;
  if (words.isPlaceName(withoutPossessive(words.text.slice(start, stop)))) return undefined;
  return { first: k, end };
}

/**
 * After a title or a role ("reporter Bill Holland", "Foreign Minister Ayman Safadi") the next
 * two to four capitalised words are the name, whatever else they could be, up to one that names
 * an organisation, a building or a date.
 */
function titledPersonAt(words: ZoneWords, run: TokenSpan, k: number): TokenSpan | undefined {
  let end = k;
  let count = 0;
  while (end < run.end && count < 4) {
    const text = words.tokens[end]?.text ?? '';
    if (isParticle(text) || isInitial(text)) {
      end += 1;
      continue;
    }
    if (count > 0 && words.tokens[end - 1]?.next === 'hyphen' && !words.capitalised(end)) {
      end += 1;
      continue;
    }
    const kind = words.kind(end);
    const nameLike =
      kind === 'given' ||
      kind === 'surname' ||
      kind === 'unknown' ||
      isPlainCapitalisedWord(words, end);
    if (!nameLike) break;
    count += 1;
    end += 1;
  }
  while (end > k && isParticleOrInitial(words.tokens[end - 1]?.text ?? '')) end -= 1;
  return count >= 2 ? { first: k, end } : undefined;
}

function isParticleOrInitial(text: string): boolean {
  return isParticle(text) || isInitial(text);
}

/**
 * A given name no list also files as a place: "Fiona", "Peter", not "Virginia". One that is
 * also a common word ("Will", "Mark") opening a sentence may be the word.
 */
function isPureGivenName(words: ZoneWords, i: number): boolean {
  const text = words.tokens[i]?.text ?? '';
  if (lexiconTagSet(text.toLowerCase()).has('Place') || words.isPlaceName(text)) return false;
  return !(isCommonWord(text) && words.opensSentence(i));
}

/** A capitalised ordinary word that could be a surname: not an organisation's or a date's. */
function isPlainCapitalisedWord(words: ZoneWords, i: number): boolean {
  const text = words.tokens[i]?.text ?? '';
  const lower = withoutPossessive(text).toLowerCase();
  if (!isCapitalised(text) || isAllCaps(text) || isOrgWord(lower) || namesAThing(lower))
    return false;
  if (words.kind(i) === 'title') return false;
  const tags = lexiconTagSet(lower);
  return !['Date', 'Month', 'WeekDay', 'Organization'].some((tag) => tags.has(tag));
}

/**
 * The lower-case half of a hyphenated name ("yip" of "Hau-yip", "jin" of "Kim Yo-jong"): short,
 * or no English word, and not what a compound adjective ends with ("Kremlin-backed").
 */
function isNameSyllable(word: string): boolean {
  if (COMPOUND_ENDS.has(word)) return false;
  return (word.length <= 4 && /^\p{Ll}+$/u.test(word)) || !isDictionaryWord(word);
}

const COMPOUND_ENDS = wordSet(`
  led backed based born owned funded made run linked allied style era wide like free
`);
