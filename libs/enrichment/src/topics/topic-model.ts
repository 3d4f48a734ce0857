import { fold } from '../text/text-tokens';
import type { Token } from '../text/text-tokens';

/**
 * The top-level topic model: a multinomial Naive Bayes over stemmed words and pairs of words,
 * trained on the IPTC vocabulary (labels and definitions of every topic, each under its
 * top-level one) and the curated seeds of topic-lexicon.json and topic-rules.json by
 * train-topic-model.ts, which writes topic-model.json. No article text goes into it.
 *
 * Every topic is given the same total (see the trainer), so a term never seen with a topic has
 * the same log-probability under each and drops out of the comparison: each term stores only
 * the topics it was seen with, and by how much its log-probability there exceeds that floor. A
 * text's log-odds for a topic are then the sum of its terms' excesses.
 */
export interface TopicModelFile {
  $comment?: string;
  /** Bumped when the features change: a model from other features must not be read. */
  features: number;
  /** Top-level IPTC codes; a term's entries name them by index. */
  classes: string[];
  /**
   * Term -> "index:excess index:excess ...". Strings rather than arrays so that the file stays
   * one line per term (prettier never splits a string) and small: about 150 kB.
   */
  terms: Record<string, string>;
}

/** "3:2.159 15:0.63" -> [3, 2.159, 15, 0.63]. */
export function parseExcesses(entry: string): number[] {
  return entry.split(/[ :]/).map(Number);
}

/** The feature version this code reads and the trainer writes. */
export const MODEL_FEATURES = 1;

/** Just enough stemming to meet plurals: "talks" -> "talk", "clashes" -> "clash". */
export function stem(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(?:ss|us|is)$/.test(word)) return word;
  if (/(?:sh|ch|x|z|s)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}

/** The model's form of a token: folded, lower case, stemmed; an apostrophe's tail dropped. */
export function modelWord(token: Token): string {
  const word = fold(token.text).toLowerCase();
  const straight = word.indexOf("'");
  const curly = word.indexOf('’');
  const apostrophe = straight < 0 ? curly : curly < 0 ? straight : Math.min(straight, curly);
  return stem(apostrophe < 0 ? word : word.slice(0, apostrophe));
}
