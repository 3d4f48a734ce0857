import { ExtractionError } from './extraction.error';

/**
 * What one document may cost. A page past a limit is refused (ExtractionError), so one hostile
 * or broken page cannot take a parser replica down or hold up its partition.
 */
export interface ExtractionLimits {
  /** Characters of the decoded body. Real article pages stay under 2 MB; the benchmark's largest is 1.5 MB. */
  maxChars: number;
  /**
   * Element nesting. Real pages nest 20 to 60 deep; thousands means a generated or hostile page.
   * The walks over the tree recurse as deep as it nests: at 5,000 they run, at about 20,000 they
   * overflow the call stack, which extractArticle reports as `too-deep`.
   */
  maxDepth: number;
  /** Milliseconds, checked between the stages of extraction and within them (see Deadline). */
  timeBudgetMs: number;
}

export const DEFAULT_LIMITS: ExtractionLimits = {
  maxChars: 5_000_000,
  maxDepth: 500,
  timeBudgetMs: 2_000,
};

/**
 * Elements in one HTML document. A news page has a few thousand (the benchmark's largest 1,596);
 * 200,000 hold about 45 MB of tree, while the million empty elements 5 MB of markup can open hold
 * 220 MB, near the parser's memory limit. Refused as `too-large` while the page is parsed.
 */
export const MAX_ELEMENTS = 200_000;

/**
 * Attributes on one element. Real elements carry a handful (a few dozen with `data-` and `aria-`
 * ones); 5 MB of markup can put 900,000 on one, which took htmlparser2 1.5 s to gather and 150 MB
 * to hold. Refused as `too-large` while the page is parsed.
 */
export const MAX_ATTRIBUTES = 1_000;

/**
 * Calls to Deadline.tick between two looks at the clock: a look costs about as much as handling
 * one element, and a thousand elements take well under a millisecond.
 */
export const TICKS_PER_LOOK = 1_024;

/**
 * The time budget of one extraction. Extraction is synchronous and cannot be interrupted from
 * outside, so it checks the budget itself: between stages (after parsing, after finding the body,
 * after the metadata), and inside the loops over a page's elements (`tick`, or `check` where one
 * turn of the loop may read a large part of the page). A hostile page of allowed size then stops
 * with a `time-budget` error soon after the budget runs out, not when the stage ends.
 */
export class Deadline {
  private readonly end: number;
  private ticks = 0;

  constructor(
    private readonly budgetMs: number,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.end = clock() + budgetMs;
  }

  /** For a loop over elements or characters: looks at the clock once in TICKS_PER_LOOK calls. */
  tick(stage: string): void {
    this.ticks += 1;
    if (this.ticks % TICKS_PER_LOOK === 0) this.check(stage);
  }

  /** Milliseconds left, for a library that takes a time limit of its own; 0 when none. */
  remainingMs(): number {
    return Math.max(0, this.end - this.clock());
  }

  check(stage: string): void {
    if (this.clock() > this.end) {
      throw new ExtractionError(
        'time-budget',
        `extraction took longer than ${this.budgetMs} ms (at ${stage})`,
      );
    }
  }
}

export function checkSize(body: string, limits: ExtractionLimits): void {
  if (body.length > limits.maxChars) {
    throw new ExtractionError(
      'too-large',
      `document has ${body.length} characters, over the limit of ${limits.maxChars}`,
    );
  }
}
