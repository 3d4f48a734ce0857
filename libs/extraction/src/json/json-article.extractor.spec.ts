import type { DraftContext } from '../article-draft';
import { ExtractionError } from '../extraction.error';
import { Deadline } from '../limits';
import { extractJsonArticle } from './json-article.extractor';

const context: DraftContext = { baseUrl: null, now: new Date('2025-05-01T00:00:00.000Z') };

describe(extractJsonArticle.name, () => {
  it('maps a pre-extracted article onto the draft', () => {
    const draft = extractJsonArticle(
      JSON.stringify({
        title: 'Dam breaks',
        text: 'The water rose fast.\n\nVillagers fled uphill.',
        url: 'https://news.example.com/dam',
        publishedAt: '2025-03-03T08:15:00+01:00',
        authors: ['Anna Smith', { name: 'Ben Okafor' }],
        summary: 'A dam burst.',
        language: 'en',
        tags: 'floods, dams',
        image: 'https://news.example.com/dam.jpg',
      }),
      context,
    );

    expect(draft).toMatchObject({
      title: 'Dam breaks',
      lead: 'A dam burst.',
      paragraphs: ['The water rose fast.', 'Villagers fled uphill.'],
      canonicalUrl: 'https://news.example.com/dam',
      publishedAt: '2025-03-03T07:15:00.000Z',
      authors: ['Anna Smith', 'Ben Okafor'],
      declaredLanguage: 'en',
      keywords: ['floods', 'dams'],
      images: [{ url: 'https://news.example.com/dam.jpg', caption: null, credit: null }],
    });
  });

  it('accepts the other field names: headline, body, date, author', () => {
    const draft = extractJsonArticle(
      JSON.stringify({
        headline: 'Dam breaks',
        body: 'The water rose fast.\nVillagers fled uphill.',
        date: 'Mon, 03 Mar 2025 07:15:00 GMT',
        author: 'Anna Smith',
      }),
      context,
    );

    expect(draft).toMatchObject({
      title: 'Dam breaks',
      paragraphs: ['The water rose fast.', 'Villagers fled uphill.'],
      publishedAt: '2025-03-03T07:15:00.000Z',
      authors: ['Anna Smith'],
    });
  });

  it('reads a body that is HTML, as a CMS API sends it', () => {
    const draft = extractJsonArticle(
      JSON.stringify({
        title: { rendered: 'ignored: not a string' },
        content: {
          rendered: '<p>The water rose fast.</p><h2>Aftermath</h2><p>Villagers fled.</p>',
        },
      }),
      context,
    );

    expect(draft.title).toBeNull();
    expect(draft.paragraphs).toEqual(['The water rose fast.', 'Aftermath', 'Villagers fled.']);
  });

  it('takes a paragraphs array as it is', () => {
    const draft = extractJsonArticle(JSON.stringify({ paragraphs: ['One.', '', 'Two.'] }), context);
    expect(draft.paragraphs).toEqual(['One.', 'Two.']);
  });

  it.each([['not json'], ['[1, 2]'], ['"a string"']])(
    'throws unsupported-format for %s',
    (body) => {
      let error: unknown;
      try {
        extractJsonArticle(body, context);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ExtractionError);
      expect(error).toMatchObject({ code: 'unsupported-format' });
    },
  );

  it("reads an HTML body under the document's own depth limit and deadline", () => {
    const body = JSON.stringify({
      title: 'Dam breaks',
      content: `${'<div>'.repeat(30)}<p>The water rose fast.</p>`,
    });
    expect(extractJsonArticle(body, { ...context, maxDepth: 31 }).paragraphs).toEqual([
      'The water rose fast.',
    ]);
    expect(() => extractJsonArticle(body, { ...context, maxDepth: 30 })).toThrow(
      expect.objectContaining({ code: 'too-deep' }) as Error,
    );
    // A budget below zero is spent at the first look.
    const many = JSON.stringify({ content: '<p>The water rose fast.</p>'.repeat(2_000) });
    expect(() => extractJsonArticle(many, { ...context, deadline: new Deadline(-1) })).toThrow(
      expect.objectContaining({ code: 'time-budget' }) as Error,
    );
  });
});
