import { isCommonWord } from '../text/common-words';
import { isOrgWord, lexiconTagSet, longestLexiconPhrase } from '../text/lexicon';
import { withoutPossessive, wordSet } from '../text/text-tokens';
import { lexiconPhrase, namesAThing, runsOf, withinNameLength, ZoneWords } from './zone-words';
import type { TokenSpan } from './zone-words';

// Candidate organisations' names in a zone: runs ending with an organisation word ("Bank of
// England"), names the lexicon files as organisations or teams, and acronyms it knows.

/** Lower-case words that join the parts of an organisation's name: "Bank of England". */
const ORG_CONNECTORS = wordSet('of for on and de du des la the');

/** Short, all-capital words that are no organisation. */
const NOT_ORG_ACRONYMS = wordSet(`
  ceo cfo coo cto gdp ipo tv ai dna rna hiv aids covid usd eur gbp jpy pm am ok id pc usb gps ev
  suv vip mvp ot rbi era faq diy lgbt lgbtq ii iii iv vi vii viii ix xi xii gmt utc est edt cst
  cdt pst pdt cet bst ist jst aest
`);

export function findOrganisationSpans(words: ZoneWords): TokenSpan[] {
  // What one run names lies inside it: each run is read on its own.
  return organisationRuns(words)
    .flatMap((run) => splitAtAnd(words, run))
    .flatMap((run) => organisationsIn(words, run))
    .filter((span) => withinNameLength(words, span))
    .sort((a, b) => a.first - b.first);
}

/** The organisations a run names: by its organisation word, then the lexicon's, then an acronym. */
function organisationsIn(words: ZoneWords, run: TokenSpan): TokenSpan[] {
  const found: TokenSpan[] = [];
  const taken = (span: TokenSpan): boolean =>
    found.some((other) => span.first < other.end && other.first < span.end);
  const named = headedByOrgWord(words, run);
  if (named) found.push(named);
  for (const span of lexiconOrganisations(words, run)) if (!taken(span)) found.push(span);
  const first = words.tokens[run.first]?.text === 'The' ? run.first + 1 : run.first;
  const acronym = { first, end: run.end };
  if (
    run.end - first === 1 &&
    isOrgAcronym(words, words.tokens[first]?.text ?? '') &&
    !taken(acronym)
  )
    found.push(acronym);
  return found;
}

/**
 * Capitalised runs joined across the small words inside organisations' names ("Department of
 * Health and Human Services", "Procter & Gamble").
 */
function organisationRuns(words: ZoneWords): TokenSpan[] {
  const { tokens, text } = words;
  const ampersand = (i: number): boolean => {
    const token = tokens[i];
    const next = tokens[i + 1];
    return !!token && !!next && /^\s*&\s*$/.test(text.slice(token.end, next.start));
  };
  return runsOf(words, (end) => {
    if (end >= tokens.length) return undefined;
    if ((words.joins(end - 1) || ampersand(end - 1)) && words.capitalised(end)) return end + 1;
    // Up to two connectors ("of the") between capitalised words.
    let next = end;
    while (
      next < end + 2 &&
      next < tokens.length &&
      words.joins(next - 1) &&
      ORG_CONNECTORS.has(tokens[next]?.text ?? '')
    )
      next += 1;
    return next > end && words.joins(next - 1) && words.capitalised(next) ? next + 1 : undefined;
  });
}

/**
 * The organisation a run names by its last organisation word ("European Commission", "Columbus
 * Police Department"), with what follows an "of" after it ("Bank of England").
 */
function headedByOrgWord(words: ZoneWords, run: TokenSpan): TokenSpan | undefined {
  const { tokens } = words;
  let head = -1;
  for (let i = run.end - 1; i >= run.first && head < 0; i--) {
    const lower = withoutPossessive(tokens[i]?.text ?? '').toLowerCase();
    if (!words.capitalised(i) || !isOrgWord(lower)) continue;
    // A "Center" is a building unless it is one for something ("Center for Disease Control").
    if (FACILITY_ORG_WORDS.has(lower) && !hasTail(words, i, run.end)) continue;
    head = i;
  }
  if (head < 0) return undefined;
  let first = run.first;
  for (let i = run.first; i < head; i++) {
    const text = tokens[i]?.text ?? '';
    // "Xi's Communist Party", "South Dakota's Department of Social Services": the owner is not
    // part of the name.
    if (/['’]s$/u.test(text)) first = i + 1;
  }
  while (first < head && !isNamePart(words, first)) first += 1;
  const end = hasTail(words, head, run.end) ? tailEnd(words, head, run.end) : head + 1;
  // A lone organisation word ("Council", "Group") names nothing by itself.
  if (first === head && end === head + 1) return undefined;
  return { first, end };
}

/**
 * "The Arab League and the European Union": two names. "Food and Drug Administration": one, as
 * what stands before its "and" names nothing by itself.
 */
function splitAtAnd(words: ZoneWords, run: TokenSpan): TokenSpan[] {
  const parts: TokenSpan[] = [];
  let first = run.first;
  for (let i = run.first; i < run.end; i++) {
    if (words.tokens[i]?.text === 'and' && endsWithName(words, first, i)) {
      parts.push({ first, end: i });
      first = words.tokens[i + 1]?.text === 'the' ? i + 2 : i + 1;
    }
  }
  parts.push({ first, end: run.end });
  return parts.filter((part) => part.end > part.first);
}

/** Organisation words that, alone at the end, mostly name a building or a venue. */
const FACILITY_ORG_WORDS = wordSet('center centre');

/** Whether words first to end (exclusive) hold an organisation word or are a place's name. */
function endsWithName(words: ZoneWords, first: number, end: number): boolean {
  const { tokens, text } = words;
  if (end <= first) return false;
  for (let i = first; i < end; i++)
    if (isOrgWord(withoutPossessive(tokens[i]?.text ?? '').toLowerCase())) return true;
  const name = text.slice(tokens[first]?.start ?? 0, tokens[end - 1]?.end ?? 0);
  return words.isPlaceName(name.replace(/^the\s+/i, ''));
}

/** An "of", "for" or "on" right after the head, then more of the run: "Bank of England". */
function hasTail(words: ZoneWords, head: number, runEnd: number): boolean {
  const next = words.tokens[head + 1]?.text ?? '';
  return head + 2 < runEnd && (next === 'of' || next === 'for' || next === 'on');
}

/** The tail runs to the run's end, or to an "and" that starts another name. */
function tailEnd(words: ZoneWords, head: number, runEnd: number): number {
  for (let i = head + 2; i < runEnd; i++) {
    if (words.tokens[i]?.text === 'and' && words.tokens[i + 1]?.text === 'the') return i;
    if (words.tokens[i]?.text === 'and') {
      for (let j = i + 1; j < runEnd; j++)
        if (isOrgWord(withoutPossessive(words.tokens[j]?.text ?? '').toLowerCase())) return i;
    }
  }
  return runEnd;
}

function isNamePart(words: ZoneWords, i: number): boolean {
  const text = words.tokens[i]?.text ?? '';
  if (!words.capitalised(i)) return false;
  if (text === 'The') return false;
  const tags = lexiconTagSet(text.toLowerCase());
  if (
    ['Date', 'Month', 'WeekDay', 'Preposition', 'Conjunction', 'Pronoun', 'Determiner'].some(
      (tag) => tags.has(tag),
    )
  )
    return false;
  return !(words.opensSentence(i) && isCommonWord(text) && !isOrgWord(text.toLowerCase()));
}

/** Phrases of the run that the lexicon files as organisations, companies or teams, longest first. */
function lexiconOrganisations(words: ZoneWords, run: TokenSpan): TokenSpan[] {
  const spans: TokenSpan[] = [];
  const longest = longestLexiconPhrase();
  let i = run.first;
  while (i < run.end) {
    let match = 0;
    for (let end = Math.min(run.end, i + longest); end > i; end--) {
      const phrase = lexiconPhrase(words, i, end);
      const tags = lexiconTagSet(phrase);
      const single = end === i + 1;
      // "Inc" alone is no name; a sentence's "Visa" or "Sears" may be the word.
      if (single && (isOrgWord(phrase) || (words.opensSentence(i) && isCommonWord(phrase))))
        continue;
      if (tags.has('Organization') && !tags.has('Place') && !tags.has('Person')) {
        match = end;
        break;
      }
    }
    // "Pepsi Center", "Toyota Stadium": a sponsor's name on a building is no organisation.
    const after = withoutPossessive(words.tokens[match]?.text ?? '').toLowerCase();
    const onBuilding = match < run.end && namesAThing(after);
    if (match > 0 && !onBuilding) {
      spans.push({ first: i, end: match });
      i = match;
    } else i += Math.max(1, match - i);
  }
  return spans;
}

/**
 * "NATO", "ATP": an acronym the lexicon knows as an organisation, or one of three letters or
 * more it knows as nothing else. Two letters are too often a state or a unit ("NC", "LP").
 */
function isOrgAcronym(words: ZoneWords, text: string): boolean {
  if (!/^[A-Z][A-Z&]{1,5}$/.test(text)) return false;
  const lower = text.toLowerCase();
  if (NOT_ORG_ACRONYMS.has(lower) || words.isPlaceName(text)) return false;
  const tags = lexiconTagSet(lower);
  if (tags.size > 0) return tags.has('Organization');
  return text.length >= 3 && !isCommonWord(lower);
}
