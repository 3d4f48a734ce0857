import { exampleArticleFetched } from '@newsflow/contracts';
import type { ArticleFetchedV1 } from '@newsflow/contracts';
import { extractArticle } from './article-extractor';
import { ExtractionError } from './extraction.error';
import type { ExtractionErrorCode } from './extraction.error';
import { Deadline, MAX_ATTRIBUTES, MAX_ELEMENTS, TICKS_PER_LOOK } from './limits';
import { thrown } from '../test/thrown';

const paragraph =
  '<p>The council voted on Tuesday to rebuild the bridge that the spring floods swept away.</p>';

function page(body: string): ArticleFetchedV1 {
  return { ...structuredClone(exampleArticleFetched), format: 'html', body };
}

function refusal(action: () => unknown): ExtractionErrorCode | 'accepted' {
  try {
    action();
    return 'accepted';
  } catch (error) {
    if (error instanceof ExtractionError) return error.code;
    throw error;
  }
}

describe('extraction limits', () => {
  const article = `<html><body><article>${paragraph.repeat(5)}</article></body></html>`;

  it('refuses a page over the size limit, and takes one at the limit', () => {
    expect(refusal(() => extractArticle(page(article), { limits: { maxChars: 100 } }))).toBe(
      'too-large',
    );
    const limits = { maxChars: article.length };
    expect(refusal(() => extractArticle(page(article), { limits }))).toBe('accepted');
  });

  it('refuses a page nested past the depth limit, before any walk recurses into it', () => {
    const deep = `<html><body>${'<div>'.repeat(200_000)}${paragraph}</body></html>`;
    expect(refusal(() => extractArticle(page(deep)))).toBe('too-deep');
    // html, body, 40 divs and the p: 43 deep.
    const nested = `<html><body>${'<div>'.repeat(40)}${paragraph.repeat(5)}</body></html>`;
    expect(refusal(() => extractArticle(page(nested), { limits: { maxDepth: 43 } }))).toBe(
      'accepted',
    );
    expect(refusal(() => extractArticle(page(nested), { limits: { maxDepth: 42 } }))).toBe(
      'too-deep',
    );
  });

  it('refuses a page of more than MAX_ELEMENTS elements, and takes one of exactly that many', () => {
    // html, head, body and the article: four elements besides the paragraphs and the breaks.
    const breaks = (count: number): string => `<br>${paragraph}`.repeat(5) + '<br>'.repeat(count);
    const at = `<html><head></head><body><article>${breaks(MAX_ELEMENTS - 14)}</article></body></html>`;
    const over = `<html><head></head><body><article>${breaks(MAX_ELEMENTS - 13)}</article></body></html>`;
    // The count is the limit under test, not the clock: 200,000 elements take about 0.8 s of
    // the default 2 s budget, and a loaded machine ran out of it.
    const limits = { timeBudgetMs: 60_000 };
    expect(refusal(() => extractArticle(page(at), { limits }))).toBe('accepted');
    expect(refusal(() => extractArticle(page(over), { limits }))).toBe('too-large');
  });

  it('refuses an element of more than MAX_ATTRIBUTES attributes, and takes one of exactly that many', () => {
    const attributes = (count: number): string =>
      Array.from({ length: count }, (_, index) => `data-a${index}="1"`).join(' ');
    const withAttributes = (count: number): string =>
      `<html><body><article ${attributes(count)}>${paragraph.repeat(5)}</article></body></html>`;
    expect(refusal(() => extractArticle(page(withAttributes(MAX_ATTRIBUTES))))).toBe('accepted');
    expect(refusal(() => extractArticle(page(withAttributes(MAX_ATTRIBUTES + 1))))).toBe(
      'too-large',
    );
  });

  it('turns a stack overflow into a permanent too-deep, not a RangeError to retry', () => {
    // Only a depth limit raised far past the default lets a page nest deep enough to overflow the
    // stack of the walks over the tree.
    const deep = `<html><body>${'<div><span>x</span>'.repeat(40_000)}${paragraph}</body></html>`;
    const limits = { maxDepth: 1_000_000, timeBudgetMs: 60_000 };
    const error = thrown(() => extractArticle(page(deep), { limits }));
    expect(error).toBeInstanceOf(ExtractionError);
    expect((error as ExtractionError).code).toBe('too-deep');
    expect((error as ExtractionError).cause).toBeInstanceOf(RangeError);
  });

  it('refuses a page that runs past its time budget', () => {
    let elapsed = 0;
    // Every look at the clock finds a second gone: the first check after parsing is over budget.
    const clock = (): number => (elapsed += 1_000);
    expect(
      refusal(() => extractArticle(page(article), { limits: { timeBudgetMs: 1_500 }, clock })),
    ).toBe('time-budget');
    elapsed = 0;
    const slowClock = (): number => (elapsed += 1);
    expect(
      refusal(() =>
        extractArticle(page(article), { limits: { timeBudgetMs: 1_500 }, clock: slowClock }),
      ),
    ).toBe('accepted');
  });

  it.each([
    [
      'binary noise',
      Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)).toString('latin1'),
    ],
    ['unclosed markup', '<html><body><div><p>Half a <b>sentence <i>and <a href="'.repeat(300)],
    ['a stray script only', '<script>while(true){}</script>'],
    ['entities only', '&amp;&lt;&#x0;&#xFFFFFF;&bogus;'.repeat(500)],
  ])('answers %s with an article or an ExtractionError, never another error', (_name, body) => {
    expect(() => refusal(() => extractArticle(page(body)))).not.toThrow();
  });
});

describe(Deadline.name, () => {
  it('throws time-budget, naming the stage, once the budget is spent', () => {
    let now = 0;
    const deadline = new Deadline(100, () => now);
    now = 100;
    expect(() => deadline.check('parsing')).not.toThrow();
    now = 101;
    expect(() => deadline.check('parsing')).toThrow(
      new ExtractionError('time-budget', 'extraction took longer than 100 ms (at parsing)'),
    );
  });

  it('looks at the clock once in TICKS_PER_LOOK ticks, for loops over every element', () => {
    let looks = 0;
    const deadline = new Deadline(100, () => {
      looks += 1;
      return looks === 1 ? 0 : 1_000;
    });
    for (let tick = 1; tick < TICKS_PER_LOOK; tick += 1) deadline.tick('parsing');
    expect(looks).toBe(1);
    expect(() => deadline.tick('parsing')).toThrow(ExtractionError);
    expect(looks).toBe(2);
  });

  it('tells the milliseconds left, and 0 once they are spent', () => {
    let now = 0;
    const deadline = new Deadline(100, () => now);
    now = 40;
    expect(deadline.remainingMs()).toBe(60);
    now = 500;
    expect(deadline.remainingMs()).toBe(0);
  });
});
