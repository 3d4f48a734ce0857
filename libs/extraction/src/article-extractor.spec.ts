import { exampleArticleFetched, exampleArticleParsed, Topic, validate } from '@newsflow/contracts';
import type { ArticleFetchedV1, ArticleParsedV1 } from '@newsflow/contracts';
import { createHash } from 'node:crypto';
import { seedDocument, seedExpectations } from '../test/seed';
import { extractArticle } from './article-extractor';
import { ExtractionError } from './extraction.error';
import { PARSER_VERSION } from './parser-version';

const now = new Date('2025-05-01T00:00:00.000Z');

function fetched(overrides: Partial<ArticleFetchedV1>): ArticleFetchedV1 {
  return { ...structuredClone(exampleArticleFetched), ...overrides };
}

function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error, none was thrown');
}

function expectValid(article: ArticleParsedV1): void {
  const result = validate(Topic.ArticleParsed, article);
  expect(result.ok ? [] : result.problems).toEqual([]);
}

describe(extractArticle.name, () => {
  describe('on the seed page', () => {
    const doc = seedDocument();
    const expected = seedExpectations();
    const article = extractArticle(doc, { now });

    it('returns a message the article-parsed topic accepts', () => {
      expectValid(article);
    });

    it.each(Object.entries(expected.exact))(
      'reads %s exactly as expected.json says',
      (field, value) => {
        const actual: unknown = article[field as keyof ArticleParsedV1];
        expect(typeof actual === 'string' ? actual.trim() : actual).toBe(value);
      },
    );

    it('finds the paragraphs of expected.json in order, each once, and no other', () => {
      expect(article.paragraphs).toEqual(expected.paragraphs_in_order_each_once);
    });

    it.each(expected.body_must_not_contain)('keeps "%s" out of the body', (fragment) => {
      expect(article.bodyText).not.toContain(fragment);
      for (const paragraph of article.paragraphs) expect(paragraph).not.toContain(fragment);
    });

    it('finds the images of expected.json with caption and credit apart', () => {
      expect(article.images.map(({ caption, credit }) => ({ caption, credit }))).toEqual(
        expected.images,
      );
    });

    it("agrees with the contracts library's example of the parsed seed, but for the parser version", () => {
      expect({ ...article, parserVersion: exampleArticleParsed.parserVersion }).toEqual(
        exampleArticleParsed,
      );
    });

    it('carries id, url and source over from the fetched document', () => {
      expect(article).toMatchObject({ id: doc.id, url: doc.url, source: doc.source });
      expect(article.canonicalUrl).toBeNull();
    });

    it('joins the paragraphs into bodyText and hashes and counts it', () => {
      expect(article.bodyText).toBe(article.paragraphs.join('\n\n'));
      expect(article.contentHash).toBe(createHash('sha256').update(article.bodyText).digest('hex'));
      expect(article.wordCount).toBe(article.bodyText.split(/\s+/).length);
      expect(article.parserVersion).toBe(PARSER_VERSION);
    });
  });

  it('gives the same message for the same document, so a redelivery is recognisable', () => {
    expect(extractArticle(seedDocument(), { now })).toEqual(
      extractArticle(seedDocument(), { now }),
    );
  });

  it('fills what the page does not say from the feed hints', () => {
    const article = extractArticle(
      fetched({
        format: 'text',
        url: 'https://news.example.com/dam',
        body: 'Dam Breaks\n\nThe water rose fast in the valley on Monday morning.',
        hints: {
          publishedAt: '2025-03-03T07:15:00Z',
          authors: ['Anna Smith'],
          summary: 'A dam burst.',
          categories: ['World'],
        },
      }),
      { now },
    );

    expectValid(article);
    expect(article).toMatchObject({
      title: 'Dam Breaks',
      lead: 'A dam burst.',
      authors: ['Anna Smith'],
      publishedAt: '2025-03-03T07:15:00.000Z',
      section: 'World',
      canonicalUrl: 'https://news.example.com/dam',
    });
  });

  it('reads an HTML page into a valid message', () => {
    const article = extractArticle(
      fetched({
        format: 'html',
        url: 'https://news.example.com/a/1?utm=x',
        body: `<html lang="en"><head><title>Dam breaks | Valley Herald</title>
          <link rel="canonical" href="/a/1"></head>
          <body><article><h1>Dam breaks</h1>
          <p>The water rose fast in the valley on Monday morning, witnesses said.</p>
          <figure><img src="/img/dam.jpg"><figcaption>The dam. Photo: Anna Smith</figcaption></figure>
          </article></body></html>`,
      }),
      { now },
    );

    expectValid(article);
    expect(article).toMatchObject({
      title: 'Dam breaks',
      canonicalUrl: 'https://news.example.com/a/1',
      paragraphs: ['The water rose fast in the valley on Monday morning, witnesses said.'],
      language: 'en',
      images: [
        { url: 'https://news.example.com/img/dam.jpg', caption: 'The dam.', credit: 'Anna Smith' },
      ],
    });
  });

  it('throws empty-document for a blank body', () => {
    const error = thrown(() => extractArticle(fetched({ body: ' \n ' }), { now }));
    expect(error).toBeInstanceOf(ExtractionError);
    expect(error).toMatchObject({ name: 'ExtractionError', code: 'empty-document' });
  });

  it('throws no-article-text for a page without text', () => {
    const doc = fetched({
      format: 'html',
      body: '<html><head><title>Login</title></head><body><nav>Home</nav><form><input></form></body></html>',
    });
    expect(thrown(() => extractArticle(doc, { now }))).toMatchObject({ code: 'no-article-text' });
  });

  it('throws unsupported-format for a format it does not know', () => {
    const doc = { ...fetched({}), format: 'pdf' } as unknown as ArticleFetchedV1;
    expect(thrown(() => extractArticle(doc, { now }))).toMatchObject({
      code: 'unsupported-format',
    });
  });
});
