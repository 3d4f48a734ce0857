import { elisionLength, keyOf } from './name-keys';
import { byPreference } from './place-sense';
import type { GazetteerEntry, PlaceSense } from './place-sense';
import { WordFilter } from './word-filter';

/**
 * The gazetteer compiled into a token trie: each name is a path of folded tokens, so a text is
 * matched in one pass, each position following only the names that start with its words.
 */
export interface NameNode {
  /** The name that ends at this node, if any. */
  entry?: GazetteerEntry;
  next?: Map<string, NameNode>;
}

export class PlaceGazetteer {
  private readonly exact = new Map<string, GazetteerEntry>();
  /** Keys in capitals, for datelines and shouted headlines ("WASHINGTON (Reuters) -"). */
  private readonly shouted = new Map<string, GazetteerEntry>();
  /** Every name as written (case kept): the trie the matcher walks. */
  readonly names: NameNode = {};
  /** The same names in capitals, looked up only where capitals carry no case information. */
  readonly shoutedNames: NameNode = {};
  private longest = 1;
  /**
   * The first words of the names that start with a lower-case ASCII letter, and their first two
   * characters (see twoLetters): few names do ("the Gambia", "al Quds"), so most lower-case
   * words start none.
   */
  private readonly lowerCaseFirstWords = new Set<string>();
  private readonly lowerCaseStarts = new Set<number>();
  /** The first words of all names, in both tries, for the other words (see mayStartName). */
  private readonly firstWords = new WordFilter();

  /**
   * Whether a word, as written, may start a name: false only when surely none starts with it.
   * Lets the matcher pass over most of a text's words without folding or looking them up.
   */
  mayStartName(word: string): boolean {
    const first = word.charCodeAt(0);
    // Capitalised words reach the lookup most often, and most start no name either ("The",
    // "But", "Monday"). A plain ASCII word is its own folded form: the filter answers for it.
    if (first < 97 || first > 122) return !isPlainWord(word) || this.firstWords.mayHave(word);
    const second = word.charCodeAt(1);
    // Outside ASCII folding may change the second letter; an apostrophe may be a possessive.
    if (second >= 128 || second === 39) return true;
    // An elided article ("l'Allemagne", "dell'Iran") goes before a name in capitals.
    if (elisionLength(word) > 0) return true;
    if (!this.lowerCaseStarts.has(twoLetters(word))) return false;
    // A plain ASCII word is its own folded form: it starts a name only if it is a first word.
    return !isPlainWord(word) || this.lowerCaseFirstWords.has(word);
  }

  /**
   * Whether a folded word may be the first word of a name (in either trie): false only when
   * surely not. For the words mayStartName lets through, once folded.
   */
  mayBeFirstWord(folded: string): boolean {
    return this.firstWords.mayHave(folded);
  }

  /** The longest name, in tokens. */
  get maxTokens(): number {
    return this.longest;
  }

  lookup(key: string, shouted: boolean): GazetteerEntry | undefined {
    return this.exact.get(key) ?? (shouted ? this.shouted.get(key) : undefined);
  }

  /** Whether a name (as written, one or more words) is a known place of any kind. */
  isPlaceName(name: string): boolean {
    return this.exact.get(keyOf(name))?.senses.some((sense) => sense.office === undefined) ?? false;
  }

  /** The US state a postal code stands for ("CA" -> California's sense), for "Slidell, La.". */
  stateSense(postal: string): PlaceSense | undefined {
    return this.states.get(postal);
  }

  /** US states by postal code, set while the gazetteer is built. */
  readonly states = new Map<string, PlaceSense>();

  /** The sense a leader's or a ruling house's name has here ("Vladimir Putin", "Al Thani"). */
  officeSense(name: string): PlaceSense | undefined {
    return this.exact.get(keyOf(name))?.senses.find((sense) => sense.office !== undefined);
  }

  add(name: string, sense: PlaceSense): void {
    const key = keyOf(name);
    if (!key) return;
    const words = key.split(' ');
    this.longest = Math.max(this.longest, words.length);
    const head = words[0] ?? '';
    const first = head.charCodeAt(0);
    if (first >= 97 && first <= 122) {
      this.lowerCaseStarts.add(twoLetters(head));
      this.lowerCaseFirstWords.add(head);
    }
    const entry = this.exact.get(key) ?? { key, senses: [] };
    this.exact.set(key, entry);
    insert(this.names, key, entry);
    this.firstWords.add(head);
    // One sense per country: of the several Parises in the US, the largest speaks for them.
    const same = entry.senses.find((s) => s.code === sense.code);
    if (!same) entry.senses.push(sense);
    else if (byPreference(sense, same) < 0)
      entry.senses.splice(entry.senses.indexOf(same), 1, sense);
    entry.senses.sort(byPreference);

    const upper = key.toUpperCase();
    if (upper !== key && upper.replace(/[^A-Z]/g, '').length >= 4 && sense.caution !== 'word') {
      this.shouted.set(upper, entry);
      insert(this.shoutedNames, upper, entry);
      this.firstWords.add(head.toUpperCase());
    }
  }

  /** A small town as a namesake of a known name (see GazetteerEntry.namesakes). */
  addNamesake(entry: GazetteerEntry, sense: PlaceSense): void {
    const namesakes = (entry.namesakes ??= []);
    const same = namesakes.findIndex((known) => known.code === sense.code);
    if (same < 0) namesakes.push(sense);
    else if ((namesakes[same]?.population ?? 0) < sense.population) namesakes[same] = sense;
  }

  /** Curated names replace whatever the datasets said about the same name. */
  override(name: string, sense: PlaceSense): void {
    const key = keyOf(name);
    const upper = key.toUpperCase();
    this.exact.delete(key);
    this.shouted.delete(upper);
    insert(this.names, key, undefined);
    insert(this.shoutedNames, upper, undefined);
    this.add(name, sense);
  }
}

/** ASCII letters and digits only: nothing for fold() to change, no possessive to drop. */
function isPlainWord(word: string): boolean {
  for (let i = 0; i < word.length; i += 1) {
    const code = word.charCodeAt(i);
    const alphanumeric =
      (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
    if (!alphanumeric) return false;
  }
  return true;
}

/** A word's first two characters as one number (the second 0 for a one-letter word). */
function twoLetters(word: string): number {
  return word.charCodeAt(0) * 0x10000 + (word.length > 1 ? word.charCodeAt(1) : 0);
}

function insert(root: NameNode, key: string, entry: GazetteerEntry | undefined): void {
  let node = root;
  for (const token of key.split(' ')) {
    node.next ??= new Map();
    let child = node.next.get(token);
    if (!child) {
      child = {};
      node.next.set(token, child);
    }
    node = child;
  }
  node.entry = entry;
}
