import { exampleArticleFetched } from '@newsflow/contracts';
import type { ArticleFetchedV1, ArticleParsedV1 } from '@newsflow/contracts';
import { extractArticle } from './article-extractor';
import { ExtractionError } from './extraction.error';
import type { ExtractionErrorCode } from './extraction.error';
import type { ExtractionLimits } from './limits';

// The hostile kinds of issue 15, each built in code at the size that hurt. Every one must end in an
// article or an ExtractionError, never another error, and within seconds. The bound on time is
// generous (a shared two-core machine): each of these took from 30 seconds to hours before, or
// overflowed the stack.

/** A bound no hostile page may exceed, ten times the default time budget. */
const SECONDS = 20;

const PARAGRAPH =
  '<p>The council voted on Tuesday to rebuild the bridge that the spring floods swept away.</p>';

function fetched(body: string, format: ArticleFetchedV1['format'] = 'html'): ArticleFetchedV1 {
  return { ...structuredClone(exampleArticleFetched), format, body };
}

/** An article page with `head` in its head and `body` before five paragraphs of text. */
function page(head: string, body = ''): string {
  return `<html><head>${head}</head><body><article>${body}${PARAGRAPH.repeat(5)}</article></body></html>`;
}

interface Outcome {
  article: ArticleParsedV1 | null;
  code: ExtractionErrorCode | 'article';
  seconds: number;
}

/**
 * Extracts and times it. A large budget by default, so that what is asserted is the outcome of
 * the extraction itself, not of a race with the clock on a busy machine.
 */
function extract(doc: ArticleFetchedV1, limits: Partial<ExtractionLimits> = {}): Outcome {
  const started = performance.now();
  const seconds = (): number => (performance.now() - started) / 1000;
  try {
    const article = extractArticle(doc, { limits: { timeBudgetMs: 60_000, ...limits } });
    return { article, code: 'article', seconds: seconds() };
  } catch (error) {
    if (error instanceof ExtractionError)
      return { article: null, code: error.code, seconds: seconds() };
    throw error;
  }
}

describe('hostile pages', () => {
  describe('of allowed size (5,000,000 characters) refused by a limit, while parsed', () => {
    it.each([
      ['100,000 nested elements', page('', '<div>'.repeat(100_000)), 'too-deep'],
      [
        'a million attributes on one element (900,000 distinct names)',
        page('', `<div ${Array.from({ length: 900_000 }, (_, i) => i.toString(36)).join(' ')}>`),
        'too-large',
      ],
      [
        'a million empty paragraphs (700,000, 4.9 MB)',
        page('', '<p></p>'.repeat(700_000)),
        'too-large',
      ],
    ])('%s', (_kind, body, code) => {
      expect(body.length).toBeLessThanOrEqual(5_000_000);
      const outcome = extract(fetched(body));
      expect(outcome.code).toBe(code);
      expect(outcome.seconds).toBeLessThan(SECONDS);
    });
  });

  it('a page that is all script: no article text', () => {
    const outcome = extract(
      fetched(`<html><body><script>${'var a = 1;'.repeat(480_000)}</script></body></html>`),
    );
    expect(outcome.code).toBe('no-article-text');
    expect(outcome.seconds).toBeLessThan(SECONDS);
  });

  it('80,000 <time> elements after a headline: read, not a stack overflow', () => {
    const times = '<time>not a date</time>'.repeat(80_000);
    const outcome = extract(
      fetched(page('', `<h1>Bridge</h1>${times}<time datetime="2025-04-01">1 April</time>`)),
    );
    expect(outcome.code).toBe('article');
    expect(outcome.seconds).toBeLessThan(SECONDS);
  });

  it.each([
    ['in @graph', (depth: number) => `${'{"@graph":['.repeat(depth)}{}${']}'.repeat(depth)}`],
    ['in arrays', (depth: number) => `${'['.repeat(depth)}{}${']'.repeat(depth)}`],
    [
      'in @value literals',
      (depth: number) =>
        `{"@type":"NewsArticle","headline":${'{"@value":'.repeat(depth)}"x"${'}'.repeat(depth)}}`,
    ],
  ])('JSON-LD nested 100,000 deep %s: read, not a stack overflow', (_kind, json) => {
    const outcome = extract(
      fetched(page(`<script type="application/ld+json">${json(100_000)}</script>`)),
    );
    expect(outcome.code).toBe('article');
  });

  it('NUL and other control characters: gone from every text field', () => {
    const control = '\u0000\u0001\u001f';
    const outcome = extract(
      fetched(
        page(
          `<title>Bridge${control} reopens</title><meta name="author" content="Jane${control} Doe">` +
            `<meta name="description" content="A${control} lead">`,
          `<figure><img src="/a.jpg"><figcaption>A caption${control} here</figcaption></figure>` +
            `<p>Text with${control} controls in it, as binary noise leaves them.</p>`,
        ),
      ),
    );
    expect(outcome.article?.title).toBe('Bridge reopens');
    expect(JSON.stringify(outcome.article)).not.toMatch(/\\u000[01]|\\u001f/);
  });

  it('invalid UTF-8, decoded to replacement characters and stray bytes: an article', () => {
    const bytes = Buffer.from(Array.from({ length: 1_000_000 }, (_, i) => (i * 7919) % 256));
    const outcome = extract(fetched(page('', `<p>${bytes.toString('utf8')}</p>`)));
    expect(outcome.code).toBe('article');
    expect(JSON.stringify(outcome.article)).not.toContain('\\u0000');
  });

  it('a wrong declared charset (UTF-8 read as Latin-1): an article of mojibake', () => {
    const text = '<p>Zürich café — the council voted to rebuild the bridge today.</p>'.repeat(
      1_000,
    );
    const misread = Buffer.from(text, 'utf8').toString('latin1');
    const outcome = extract(fetched(page('<meta charset="utf-16">', misread)));
    expect(outcome.code).toBe('article');
    expect(outcome.article?.bodyText).toContain('ZÃ¼rich');
  });

  describe('strings built to make regular expressions backtrack', () => {
    /** The run at every place the extractor reads text with a pattern. */
    const everywhere = (run: string): string =>
      page(
        `<meta property="og:site_name" content="Site ${run} News">` +
          `<meta property="og:title" content="Bridge ${run} Site ${run} News">` +
          `<title>Bridge ${run} | Site ${run} News</title>` +
          `<meta name="description" content="${run}">` +
          `<meta property="article:published_time" content="${run}">` +
          `<meta name="author" content="${run}">`,
        `<h1>${run}</h1><time>${run}</time><span class="byline">By ${run}</span>` +
          `<figure><img src="/a.jpg"><figcaption>A caption (${run}</figcaption></figure>` +
          `<p>${run}</p>`,
      );

    it.each([
      ['spaces', `a${' '.repeat(200_000)}b`],
      ['tabs and spaces', `a${' \t'.repeat(100_000)}b`],
      ['dashes', '-'.repeat(200_000)],
      ['dots', '.'.repeat(200_000)],
      ['letters', 'a'.repeat(200_000)],
      ['capitals', 'A'.repeat(200_000)],
      ['at signs between letters', 'a@'.repeat(100_000)],
      ['nested brackets', `${'('.repeat(100_000)}${')'.repeat(100_000)}`],
      ['open brackets', '(['.repeat(100_000)],
    ])('a run of %s in the title, meta tags, date, byline, caption and text', (_kind, run) => {
      const outcome = extract(fetched(everywhere(run)));
      expect(outcome.code).toBe('article');
      expect(outcome.seconds).toBeLessThan(SECONDS);
    });
  });

  describe('that reach the time budget', () => {
    // Elements nested in each other that each read everything inside them: each is linear, the
    // whole is depth times the page. The deadline, looked at inside the loops, stops them (a
    // budget of half a second, to keep the suite quick).
    it.each([
      ['bylines', '<span class="byline">', 'Jane Doe '.repeat(400_000)],
      ['figures', '<figure>', `<figcaption>${'a '.repeat(2_000_000)}</figcaption>`],
      ['articles', '<article>', PARAGRAPH.repeat(40_000)],
    ])('%s nested 490 deep around megabytes of text', (_kind, open, inside) => {
      const outcome = extract(fetched(page('', `${open.repeat(490)}${inside}`)), {
        timeBudgetMs: 500,
      });
      expect(['article', 'time-budget']).toContain(outcome.code);
      expect(outcome.seconds).toBeLessThan(SECONDS);
    });
  });

  describe('saved as text', () => {
    it('a title repeated between 100,000 lines: merged, at most MAX_BODY_COPIES copies', () => {
      const lines = Array.from({ length: 100_000 }, (_, i) => `Line ${i} of the text.\nTitle`);
      const outcome = extract(fetched(`Title\n${lines.join('\n')}`, 'text'));
      expect(outcome.code).toBe('article');
      expect(outcome.article?.paragraphs).toHaveLength(100_000);
      expect(outcome.seconds).toBeLessThan(SECONDS);
    });

    it('two copies of 8,000 different lines: not diffed past MAX_MERGE_EDITS', () => {
      const copy = (name: string): string =>
        Array.from({ length: 8_000 }, (_, i) => `${name} line ${i}.`).join('\n');
      const outcome = extract(fetched(`Title\n${copy('One')}\nTitle\n${copy('Two')}`, 'text'));
      expect(outcome.article?.paragraphs).toHaveLength(16_000);
      expect(outcome.seconds).toBeLessThan(SECONDS);
    });

    it('a line of 900,000 glued sentences: split, not a stack overflow', () => {
      const outcome = extract(fetched(`Title\n${'ab.Cd'.repeat(900_000)}`, 'text'));
      expect(outcome.code).toBe('article');
    });

    it('40,000 photo credits, alone and glued: read, each compared with a bounded list', () => {
      const credits = Array.from(
        { length: 40_000 },
        (_, i) => `© Agency ${i}\nPhoto: Agency ${i} The picture number ${i} here`,
      );
      const outcome = extract(fetched(`Title\nBody line here.\n${credits.join('\n')}`, 'text'));
      expect(outcome.code).toBe('article');
      expect(outcome.seconds).toBeLessThan(SECONDS);
    });
  });

  it('60,000 figures with distinct captions: one image each, found by index', () => {
    const figures = Array.from(
      { length: 60_000 },
      (_, i) => `<figure><figcaption>c${i}</figcaption></figure>`,
    );
    const outcome = extract(fetched(page('', figures.join(''))));
    expect(outcome.article?.images).toHaveLength(60_000);
    expect(outcome.seconds).toBeLessThan(SECONDS);
  });
});
