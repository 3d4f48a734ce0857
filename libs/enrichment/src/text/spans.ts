// The stretches of text the finders pass one another: people's names block places, and every
// finder's results are zone spans.

/** A stretch of a zone's text, end exclusive. */
export interface ZoneSpan {
  zone: number;
  start: number;
  end: number;
}

/** Where a person is named: no place is read inside it, but the person may be a leader. */
export interface NameSpan extends ZoneSpan {
  /** The person's full name ("Vladimir Putin" for a later "Putin"), when known. */
  person?: string;
}
