import { exampleArticleFetched } from '@newsflow/contracts';
import type { ArticleFetchedV1 } from '@newsflow/contracts';
import { extractArticle } from './article-extractor';
import { ExtractionError } from './extraction.error';
import type { ExtractionErrorCode } from './extraction.error';

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
