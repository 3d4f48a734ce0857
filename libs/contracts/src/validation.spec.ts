import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  exampleArticleEnriched,
  exampleArticleFetched,
  exampleArticleParsed,
  exampleDeadLetter,
} from './examples';
import type { ArticleFetchedV1 } from './messages/article-fetched.v1';
import { deadLetterTopicOf, Topic } from './topics';
import type { AnyTopic, TopicPayloads } from './topics';
import {
  assertValid,
  InvalidEventError,
  MAX_LISTED_PROBLEMS,
  MAX_PROBLEM_CHARS,
  MAX_VALUES_FOR_EVERY_PROBLEM,
  parseEvent,
  validate,
} from './validation';
import type { SchemaProblem } from './validation';

const fixtures = join(__dirname, 'fixtures');
const readFixture = (name: string): Buffer => readFileSync(join(fixtures, name));
const clone = <T>(value: T): T => structuredClone(value);

function problemsOf(topic: AnyTopic, value: unknown): SchemaProblem[] {
  const result = validate(topic, value);
  if (result.ok) throw new Error(`expected ${topic} to reject the value`);
  return result.problems;
}

const validFixtures: [string, AnyTopic][] = [
  ['article-fetched.v1.json', Topic.ArticleFetched],
  ['article-parsed.v1.json', Topic.ArticleParsed],
  ['article-enriched.v1.json', Topic.ArticleEnriched],
  ['dead-letter.v1.json', deadLetterTopicOf(Topic.ArticleParsed)],
];

// Each invalid fixture is a valid message with one defect: the field it breaks and how.
const invalidFixtures: [string, AnyTopic, SchemaProblem][] = [
  [
    'article-parsed.missing-title.json',
    Topic.ArticleParsed,
    { path: 'title', message: 'is required' },
  ],
  [
    'article-parsed.unknown-field.json',
    Topic.ArticleParsed,
    { path: 'summary', message: 'is not a known property' },
  ],
  [
    'article-fetched.bad-date.json',
    Topic.ArticleFetched,
    { path: 'fetchedAt', message: 'must be a valid date-time' },
  ],
  [
    'article-fetched.unknown-source-kind.json',
    Topic.ArticleFetched,
    { path: 'source.kind', message: 'must be one of folder, feed, sitemap, url-list, web, warc' },
  ],
  [
    'article-enriched.bad-country-code.json',
    Topic.ArticleEnriched,
    { path: 'countries.1.code', message: 'must match pattern "^[A-Z]{2}$"' },
  ],
  [
    'article-enriched.story-without-similarity.json',
    Topic.ArticleEnriched,
    {
      path: '(root)',
      message: 'must have property storySimilarity when property storyId is present',
    },
  ],
  [
    'article-enriched.bad-topic-code.json',
    Topic.ArticleEnriched,
    { path: 'topics.1.code', message: 'must match pattern "^medtop:\\d{8}$"' },
  ],
  [
    'dead-letter.not-base64.json',
    deadLetterTopicOf(Topic.ArticleParsed),
    { path: 'originalValue', message: expect.stringMatching(/^must match pattern/) as string },
  ],
];

describe(validate.name, () => {
  it.each(validFixtures)('accepts the valid fixture %s for %s', (file, topic) => {
    const value: unknown = JSON.parse(readFixture(file).toString('utf8'));

    expect(validate(topic, value)).toEqual({ ok: true, value });
  });

  it.each(invalidFixtures)('rejects %s for %s, naming the field', (file, topic, problem) => {
    const value: unknown = JSON.parse(readFixture(`invalid/${file}`).toString('utf8'));

    expect(problemsOf(topic, value)).toEqual([problem]);
  });

  it('has a case above for every invalid fixture on disk', () => {
    expect(readdirSync(join(fixtures, 'invalid')).sort()).toEqual(
      invalidFixtures.map(([file]) => file).sort(),
    );
  });

  it('returns every problem at once, not just the first', () => {
    const { title: _title, ...value } = {
      ...clone(exampleArticleParsed),
      schemaVersion: 2,
      source: { ...exampleArticleParsed.source, kind: 'rss' },
      paragraphs: ['one', 'two', 3],
      publishedAt: 'yesterday',
      canonicalUrl: 'not a url',
      contentHash: 'abc',
      wordCount: -1,
      language: 'en-GB',
      extra: true,
    };

    expect(problemsOf(Topic.ArticleParsed, value)).toEqual(
      expect.arrayContaining([
        { path: 'title', message: 'is required' },
        { path: 'extra', message: 'is not a known property' },
        { path: 'schemaVersion', message: 'must be 1' },
        {
          path: 'source.kind',
          message: 'must be one of folder, feed, sitemap, url-list, web, warc',
        },
        { path: 'paragraphs.2', message: 'must be string' },
        { path: 'publishedAt', message: 'must be a valid date-time' },
        { path: 'canonicalUrl', message: 'must be a valid uri' },
        { path: 'contentHash', message: expect.stringMatching(/^must match pattern/) },
        { path: 'wordCount', message: 'must be >= 0' },
        { path: 'language', message: expect.stringMatching(/^must match pattern/) },
      ]),
    );
    expect(problemsOf(Topic.ArticleParsed, value)).toHaveLength(10);
  });

  it('names nested and array fields with dotted paths', () => {
    const value = clone(exampleArticleEnriched) as unknown as Record<string, unknown>;
    value['countries'] = [{ code: 'RU', mentions: 0, salience: 1.5, evidence: ['Russia'] }];
    value['entities'] = [{ kind: 'thing', name: '', surfaceForms: [], mentions: 1.5 }];
    value['images'] = [{ url: null, caption: null }];

    expect(problemsOf(Topic.ArticleEnriched, value)).toEqual([
      { path: 'images.0.credit', message: 'is required' },
      { path: 'countries.0.mentions', message: 'must be >= 1' },
      { path: 'countries.0.salience', message: 'must be <= 1' },
      { path: 'entities.0.kind', message: 'must be one of person, organisation, place' },
      { path: 'entities.0.name', message: 'must not be empty' },
      { path: 'entities.0.mentions', message: 'must be integer' },
    ]);
  });

  it('accepts null where the interface allows it and optional fields when present', () => {
    const fetched: ArticleFetchedV1 = {
      ...clone(exampleArticleFetched),
      url: 'https://sputnikglobe.com/20250417/putin-al-thani-talks.html',
      httpStatus: 200,
      contentType: 'text/html; charset=utf-8',
      format: 'html',
      hints: { title: 'Talks', authors: [], publishedAt: '2025-04-17T14:34:00Z', categories: [] },
    };

    expect(validate(Topic.ArticleFetched, fetched).ok).toBe(true);
    expect(problemsOf(Topic.ArticleFetched, { ...fetched, hints: { tags: [] } })).toEqual([
      { path: 'hints.tags', message: 'is not a known property' },
    ]);
    expect(problemsOf(Topic.ArticleFetched, { ...fetched, url: undefined })).toEqual([
      { path: 'url', message: 'is required' },
    ]);
  });

  it('accepts a parsed message written before provenance, and checks provenance when present', () => {
    const { provenance: _provenance, ...older } = clone(exampleArticleParsed);

    expect(validate(Topic.ArticleParsed, older).ok).toBe(true);
    expect(
      problemsOf(Topic.ArticleParsed, {
        ...older,
        provenance: { title: 'meta:dc.title', paragraphs: 'html', lead: 'Open Graph' },
      }),
    ).toEqual([
      { path: 'provenance.paragraphs', message: 'is not a known property' },
      { path: 'provenance.lead', message: expect.stringMatching(/^must match pattern/) as string },
    ]);
  });

  it('accepts countries with focus, zones and spans, and checks them when present', () => {
    const enriched = clone(exampleArticleEnriched);
    const [first, ...rest] = enriched.countries;
    if (!first) throw new Error('the example has countries');
    const tagged = {
      ...first,
      focus: true,
      foundIn: ['title', 'body'],
      spans: [{ text: 'Qatar', zone: 'body', paragraph: 2, start: 10, end: 15 }],
    };
    expect(validate(Topic.ArticleEnriched, { ...enriched, countries: [tagged, ...rest] }).ok).toBe(
      true,
    );
    const wrong = { ...tagged, foundIn: ['headline'], spans: [{ text: 'Qatar', zone: 'body' }] };
    expect(
      problemsOf(Topic.ArticleEnriched, { ...enriched, countries: [wrong] }).map((p) => p.path),
    ).toEqual([
      'countries.0.foundIn.0',
      'countries.0.spans.0.paragraph',
      'countries.0.spans.0.start',
      'countries.0.spans.0.end',
    ]);
  });

  it('accepts a country without confidence (older enrichers) and checks it when present', () => {
    const enriched = clone(exampleArticleEnriched);
    const [first, ...rest] = enriched.countries;
    if (!first) throw new Error('the example has countries');
    const { confidence: _dropped, ...older } = first;
    expect(validate(Topic.ArticleEnriched, { ...enriched, countries: [older, ...rest] }).ok).toBe(
      true,
    );
    const wrong = { ...first, confidence: 1.2 };
    expect(problemsOf(Topic.ArticleEnriched, { ...enriched, countries: [wrong] })).toEqual([
      { path: 'countries.0.confidence', message: 'must be <= 1' },
    ]);
  });

  it('reports a value that is not an object at the root', () => {
    expect(problemsOf(Topic.ArticleFetched, 'hello')).toEqual([
      { path: '(root)', message: 'must be object' },
    ]);
  });

  it('accepts an enriched message for the enriched topic but rejects it for the fetched topic', () => {
    expect(validate(Topic.ArticleEnriched, exampleArticleEnriched).ok).toBe(true);

    const problems = problemsOf(Topic.ArticleFetched, exampleArticleEnriched);
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: 'fetchedAt', message: 'is required' },
        { path: 'body', message: 'is required' },
        { path: 'paragraphs', message: 'is not a known property' },
      ]),
    );
  });

  it('validates every dead-letter topic against DeadLetterV1', () => {
    for (const topic of Object.values(Topic).map(deadLetterTopicOf)) {
      expect(validate(topic, exampleDeadLetter).ok).toBe(true);
      expect(validate(topic, exampleArticleParsed).ok).toBe(false);
    }
  });

  describe('on a message with very many problems', () => {
    // An object of `keys` unknown properties holds keys + 1 JSON values; each key is a problem.
    const unknownKeys = (keys: number): Record<string, number> =>
      Object.fromEntries(Array.from({ length: keys }, (_, i) => [`k${i}`, 0]));

    it('lists every problem in a message of up to MAX_VALUES_FOR_EVERY_PROBLEM values', () => {
      const problems = problemsOf(
        Topic.ArticleParsed,
        unknownKeys(MAX_VALUES_FOR_EVERY_PROBLEM - 1),
      );

      expect(problems.filter((p) => p.message === 'is not a known property')).toHaveLength(
        MAX_VALUES_FOR_EVERY_PROBLEM - 1,
      );
    });

    it('stops at the first problem in a message of more values', () => {
      expect(problemsOf(Topic.ArticleParsed, unknownKeys(MAX_VALUES_FOR_EVERY_PROBLEM))).toEqual([
        { path: 'schemaVersion', message: 'is required' },
      ]);
    });

    it('reports 500,000 wrongly typed paragraphs in a short message naming the first', () => {
      const value = { ...clone(exampleArticleParsed), paragraphs: new Array(500_000).fill(0) };

      const error = catchError(() => parseEvent(Topic.ArticleParsed, JSON.stringify(value)));

      expect(error).toBeInstanceOf(InvalidEventError);
      const { message, problems } = error as InvalidEventError;
      expect(message).toBe('news.article.parsed.v1: paragraphs.0 must be string');
      expect(problems).toHaveLength(1);
    });

    it('counts the values of a value nested a million deep without running out of stack', () => {
      let nested: unknown[] = [];
      const value = { ...clone(exampleArticleParsed), paragraphs: nested };
      for (let depth = 0; depth < 1_000_000; depth += 1) {
        const inner: unknown[] = [];
        nested.push(inner);
        nested = inner;
      }

      expect(problemsOf(Topic.ArticleParsed, value)).toEqual([
        { path: 'paragraphs.0', message: 'must be string' },
      ]);
    });

    it('cuts a path or message longer than MAX_PROBLEM_CHARS', () => {
      const at = (name: string): string =>
        problemsOf(Topic.ArticleParsed, { ...clone(exampleArticleParsed), [name]: 1 })[0]?.path ??
        '';
      const longest = 'x'.repeat(MAX_PROBLEM_CHARS);

      expect(at(longest)).toBe(longest);
      expect(at(`${longest}y`)).toBe(`${'x'.repeat(MAX_PROBLEM_CHARS - 1)}…`);
      expect(at('x'.repeat(1_000_000))).toHaveLength(MAX_PROBLEM_CHARS);
      // A pair of UTF-16 units (an emoji) is kept whole or left out, never cut in two.
      expect(at(`${'x'.repeat(MAX_PROBLEM_CHARS - 2)}😀😀`)).toBe(
        `${'x'.repeat(MAX_PROBLEM_CHARS - 2)}…`,
      );
    });
  });

  it('throws for a topic it does not know', () => {
    expect(() => validate('news.unknown.v1' as AnyTopic, {})).toThrow('unknown topic');
  });

  it('maps each topic to its own payload type', () => {
    const parsed: TopicPayloads['news.article.parsed.v1'] = exampleArticleParsed;
    // @ts-expect-error a fetched message is not the payload of the parsed topic
    const wrong: TopicPayloads['news.article.parsed.v1'] = exampleArticleFetched;
    const deadLetter: TopicPayloads['news.article.enriched.v1.dlq'] = exampleDeadLetter;

    expect([parsed, wrong, deadLetter]).toHaveLength(3);
  });
});

describe(parseEvent.name, () => {
  it('decodes UTF-8 JSON bytes and returns the typed message', () => {
    const event = parseEvent(Topic.ArticleParsed, readFixture('article-parsed.v1.json'));

    expect(event).toEqual(exampleArticleParsed);
    expect(event.title).toBe(
      'Talks Between Putin and Al Thani Mark Significant Step Forward in Russian-Qatari Relations - Kremlin',
    );
  });

  it('accepts a string', () => {
    const event = parseEvent(Topic.ArticleFetched, JSON.stringify(exampleArticleFetched));

    expect(event).toEqual(exampleArticleFetched);
  });

  it.each([
    ['bytes that are not JSON', Buffer.from('<html>not json</html>')],
    ['truncated JSON', '{"schemaVersion":1,"id":'],
    ['malformed UTF-8', Buffer.from([0x7b, 0xff, 0xfe, 0x7d])],
    ['an empty value', Buffer.alloc(0)],
    ['a blank string', '  \n'],
    ['a null value (a tombstone)', null],
  ])('throws InvalidEventError with code invalid-json for %s', (_case, raw) => {
    const error = catchError(() => parseEvent(Topic.ArticleFetched, raw));

    expect(error).toBeInstanceOf(InvalidEventError);
    expect(error).toMatchObject({
      name: 'InvalidEventError',
      code: 'invalid-json',
      topic: 'news.article.fetched.v1',
      problems: [{ path: '(root)', message: expect.any(String) }],
    });
  });

  it('throws InvalidEventError with code schema-violation listing every problem', () => {
    const raw = readFixture('invalid/article-parsed.missing-title.json').toString('utf8');
    const withTwoProblems = raw.replace('"kind": "folder"', '"kind": "rss"');

    const error = catchError(() => parseEvent(Topic.ArticleParsed, withTwoProblems));

    expect(error).toBeInstanceOf(InvalidEventError);
    expect(error).toMatchObject({ code: 'schema-violation' });
    expect((error as Error).message).toBe(
      'news.article.parsed.v1: title is required; ' +
        'source.kind must be one of folder, feed, sitemap, url-list, web, warc',
    );
  });
});

describe(InvalidEventError.name, () => {
  const wrongParagraphs = (count: number): SchemaProblem[] =>
    Array.from({ length: count }, (_, i) => ({
      path: `paragraphs.${i}`,
      message: 'must be string',
    }));

  it('names up to MAX_LISTED_PROBLEMS problems in its message', () => {
    const error = new InvalidEventError(
      Topic.ArticleParsed,
      'schema-violation',
      wrongParagraphs(MAX_LISTED_PROBLEMS),
    );

    expect(error.message.split('; ')).toHaveLength(MAX_LISTED_PROBLEMS);
    expect(error.message).not.toContain('more');
  });

  it('names the first MAX_LISTED_PROBLEMS of more, says how many more, and keeps them all', () => {
    const problems = wrongParagraphs(10_000);
    const error = new InvalidEventError(Topic.ArticleParsed, 'schema-violation', problems);

    const last = MAX_LISTED_PROBLEMS - 1;
    expect(error.message).toContain(`paragraphs.0 must be string; paragraphs.1 must be string`);
    expect(error.message).toContain(`paragraphs.${last} must be string; and 9980 more`);
    expect(error.message).not.toContain(`paragraphs.${last + 1} `);
    expect(error.message.length).toBeLessThan(1000);
    expect(error.problems).toBe(problems);
  });
});

describe(assertValid.name, () => {
  it('lets a valid message through and narrows its type', () => {
    const value: unknown = clone(exampleArticleEnriched);

    assertValid(Topic.ArticleEnriched, value);

    expect(value.countries.map((c) => c.code)).toEqual(['RU', 'QA', 'SY', 'PS']);
  });

  it('throws InvalidEventError with code schema-violation for an invalid message', () => {
    const value = { ...clone(exampleArticleParsed), contentHash: 'ABC' };

    expect(() => assertValid(Topic.ArticleParsed, value)).toThrow(
      expect.objectContaining({
        code: 'schema-violation',
        problems: [{ path: 'contentHash', message: 'must match pattern "^[0-9a-f]{64}$"' }],
      }) as Error,
    );
  });
});

describe('examples', () => {
  it('are the JSON fixtures, frozen so tests cannot change them for each other', () => {
    expect(exampleDeadLetter).toEqual(
      JSON.parse(readFixture('dead-letter.v1.json').toString('utf8')),
    );
    expect(Object.isFrozen(exampleArticleEnriched.countries[0])).toBe(true);
    expect(() => exampleArticleParsed.paragraphs.push('more')).toThrow(TypeError);
  });

  it('carry a content hash and word count that agree with the body text', () => {
    const { bodyText, contentHash, wordCount } = exampleArticleParsed;

    expect(createHash('sha256').update(bodyText).digest('hex')).toBe(contentHash);
    expect(bodyText.split(/\s+/).filter(Boolean)).toHaveLength(wordCount);
    expect(bodyText).toBe(exampleArticleParsed.paragraphs.join('\n\n'));
  });
});

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}
