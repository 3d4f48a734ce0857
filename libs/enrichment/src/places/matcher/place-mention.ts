import type { GazetteerEntry, PlaceSense } from '../gazetteer/place-sense';
import type { ZoneSpan } from '../../text/spans';

/** A place name found in the text, with the sense chosen for it. */
export interface PlaceMention extends ZoneSpan {
  /** As written, without a possessive: "Qatar" for "Qatar's". */
  surface: string;
  sense: PlaceSense;
  /** The name has other senses than the chosen one ("Georgia", "Paris"). */
  ambiguous?: boolean;
  /** A region or country written right after it said which ("Paris, Texas"). */
  qualified?: boolean;
}

/** A name the trie matched, with the senses that fit where it stands. */
export interface Candidate extends ZoneSpan {
  surface: string;
  entry: GazetteerEntry;
  /** The entry's senses that fit the context, in order of preference. */
  senses: PlaceSense[];
  /** Small towns of the name (GazetteerEntry.namesakes): chosen only on the text's evidence. */
  namesakes: readonly PlaceSense[];
}

export const NO_SENSES: readonly PlaceSense[] = [];
