import { ExtractionError } from './extraction.error';

/**
 * What one document may cost. A page past a limit is refused (ExtractionError), so one hostile
 * or broken page cannot take a parser replica down or hold up its partition.
 */
export interface ExtractionLimits {
  /** Characters of the decoded body. Real article pages stay under 2 MB; the benchmark's largest is 1.5 MB. */
  maxChars: number;
  /** Element nesting. Real pages nest 20 to 60 deep; thousands means a generated or hostile page. */
  maxDepth: number;
  /** Milliseconds, checked between the stages of extraction (see Deadline). */
  timeBudgetMs: number;
}

export const DEFAULT_LIMITS: ExtractionLimits = {
  maxChars: 5_000_000,
  maxDepth: 500,
  timeBudgetMs: 2_000,
};

/**
 * The time budget of one extraction. Extraction is synchronous and cannot be interrupted, so the
 * budget is checked between stages (after parsing, after finding the body, after the metadata);
 * with the size limit and stages linear in the page, no stage can run long on its own.
 */
export class Deadline {
  private readonly end: number;

  constructor(
    private readonly budgetMs: number,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.end = clock() + budgetMs;
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
