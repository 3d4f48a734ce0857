import { BadRequestException } from '@nestjs/common';
import type { Type } from '@nestjs/common';
import { queryValidationPipe } from '../query-validation';
import {
  ArticlePageQueryDto,
  MAX_QUERY_CHARS,
  MAX_SOURCE_CHARS,
  MAX_STATS_DAYS,
  StatsQueryDto,
  toFilters,
} from './article-query.dto';

/** The query string as Express hands it over, through the pipe main.ts installs. */
async function read<T>(dto: Type<T>, query: Record<string, unknown>): Promise<T> {
  return (await queryValidationPipe().transform(query, { type: 'query', metatype: dto })) as T;
}

/** The reasons of the 400, or a failure if the query was taken. */
async function refusal(dto: Type<unknown>, query: Record<string, unknown>): Promise<string[]> {
  try {
    await read(dto, query);
  } catch (error) {
    if (error instanceof BadRequestException) {
      return (error.getResponse() as { message: string[] }).message;
    }
    throw error;
  }
  throw new Error(`${JSON.stringify(query)} was accepted`);
}

describe(ArticlePageQueryDto.name, () => {
  it('reads a valid page request into numbers and strings', async () => {
    const query = await read(ArticlePageQueryDto, {
      limit: '20',
      cursor: '123',
      q: 'peskov "gaza strip" -football',
      source: 'feed-de',
      publishedFrom: '2025-10-01',
    });

    expect(query).toMatchObject({ limit: 20, cursor: '123', source: 'feed-de' });
    expect(toFilters(query).publishedFrom?.toISOString()).toBe('2025-10-01T00:00:00.000Z');
  });

  it.each([
    ['limit', '1e308', 'limit must be a whole number'],
    ['limit', '0x10', 'limit must be a whole number'],
    ['limit', '1.5', 'limit must be a whole number'],
    ['limit', '', 'limit must be a whole number'],
    ['limit', ['1', '2'], 'limit must be a whole number'],
    ['limit', '-5', 'limit must be at least 1'],
    ['limit', '0', 'limit must be at least 1'],
    ['cursor', '-1', 'cursor must be the nextCursor of an earlier page'],
    ['cursor', '1 OR 1=1', 'cursor must be the nextCursor of an earlier page'],
    ['cursor', '9'.repeat(19), 'cursor must be the nextCursor of an earlier page'],
    ['q', 'a\u0000b', 'q must not contain control characters such as NUL'],
    ['q', ['a', 'b'], 'q must be a string'],
    ['source', 'feed\u0000', 'source must not contain control characters such as NUL'],
    ['country', "QA' OR '1'='1", 'country must be an ISO 3166-1 alpha-2 code such as QA'],
    [
      'topic',
      'medtop:1;DROP TABLE articles',
      'topic must be an IPTC Media Topics code such as medtop:16000000',
    ],
    ['language', "en'--", 'language must be an ISO 639 code such as en'],
    [
      'publishedFrom',
      '2024-W05-3',
      'publishedFrom must be a date (2025-10-01) or a date and time (2025-10-01T12:00:00Z), years 0001 to 9999',
    ],
    [
      'publishedTo',
      '2024-035',
      'publishedTo must be a date (2025-10-01) or a date and time (2025-10-01T12:00:00Z), years 0001 to 9999',
    ],
    [
      'ingestedFrom',
      "2025-01-01'; --",
      'ingestedFrom must be a date (2025-10-01) or a date and time (2025-10-01T12:00:00Z), years 0001 to 9999',
    ],
    [
      'ingestedTo',
      '+275760-09-13T00:00:00Z',
      'ingestedTo must be a date (2025-10-01) or a date and time (2025-10-01T12:00:00Z), years 0001 to 9999',
    ],
  ])('refuses %s=%j, saying why', async (name, value, reason) => {
    expect(await refusal(ArticlePageQueryDto, { [name]: value })).toContain(reason);
  });

  it('takes the widest date range, years 0001 to 9999', async () => {
    const query = await read(ArticlePageQueryDto, {
      publishedFrom: '0001-01-01',
      publishedTo: '9999-12-31T23:59:59Z',
    });

    expect(toFilters(query).publishedTo?.toISOString()).toBe('9999-12-31T23:59:59.000Z');
  });

  it(`takes a q of ${MAX_QUERY_CHARS} characters and refuses one more`, async () => {
    const longest = 'ab '.repeat(MAX_QUERY_CHARS / 2).slice(0, MAX_QUERY_CHARS);

    await expect(read(ArticlePageQueryDto, { q: longest })).resolves.toMatchObject({ q: longest });
    expect(await refusal(ArticlePageQueryDto, { q: `${longest}x` })).toEqual([
      `q must be at most ${MAX_QUERY_CHARS} characters`,
    ]);
  });

  it(`takes a source of ${MAX_SOURCE_CHARS} characters and refuses one more`, async () => {
    const longest = 's'.repeat(MAX_SOURCE_CHARS);

    await expect(read(ArticlePageQueryDto, { source: longest })).resolves.toMatchObject({
      source: longest,
    });
    expect(await refusal(ArticlePageQueryDto, { source: `${longest}s` })).toEqual([
      `source must be at most ${MAX_SOURCE_CHARS} characters`,
    ]);
  });

  it('keeps tabs and line breaks in q: only the other control characters are refused', async () => {
    await expect(read(ArticlePageQueryDto, { q: 'gaza\tstrip\r\n' })).resolves.toMatchObject({
      q: 'gaza\tstrip\r\n',
    });
    expect(await refusal(ArticlePageQueryDto, { q: 'gaza\u001bstrip' })).toEqual([
      'q must not contain control characters such as NUL',
    ]);
  });
});

describe('minConfidence', () => {
  it.each([
    ['0', 0],
    ['1', 1],
    ['0.8', 0.8],
    ['.5', 0.5],
  ])('takes minConfidence=%s with a country as the number %d', async (minConfidence, expected) => {
    const query = await read(ArticlePageQueryDto, { country: 'QA', minConfidence });

    expect(query.minConfidence).toBe(expected);
    expect(toFilters(query)).toMatchObject({ country: 'QA', minConfidence: expected });
  });

  it.each([
    ['-0.01', 'minConfidence must be at least 0'],
    ['1.01', 'minConfidence must be at most 1'],
  ])('refuses minConfidence=%s just outside 0..1, saying only that', async (value, reason) => {
    expect(await refusal(ArticlePageQueryDto, { country: 'QA', minConfidence: value })).toEqual([
      reason,
    ]);
  });

  it.each([['abc'], [''], ['1e-1'], ['0x1'], ['Infinity'], ['NaN'], [['0.5', '0.6']]])(
    'refuses minConfidence=%j as not a number from 0 to 1',
    async (value) => {
      expect(
        await refusal(ArticlePageQueryDto, { focusCountry: 'QA', minConfidence: value }),
      ).toContain('minConfidence must be a number from 0 to 1, such as 0.8');
    },
  );

  it('refuses minConfidence without country or focusCountry, which it narrows', async () => {
    expect(await refusal(ArticlePageQueryDto, { minConfidence: '0.5' })).toEqual([
      'minConfidence needs country or focusCountry: it is the least confidence in that country',
    ]);
    await expect(
      read(ArticlePageQueryDto, { focusCountry: 'QA', minConfidence: '0.5' }),
    ).resolves.toMatchObject({ minConfidence: 0.5 });
  });

  it('is a filter of /stats too, checked the same way', async () => {
    await expect(read(StatsQueryDto, { country: 'QA', minConfidence: '1' })).resolves.toMatchObject(
      { minConfidence: 1 },
    );
    expect(await refusal(StatsQueryDto, { country: 'QA', minConfidence: '1.01' })).toEqual([
      'minConfidence must be at most 1',
    ]);
  });
});

describe(StatsQueryDto.name, () => {
  it(`counts back up to ${MAX_STATS_DAYS} days and refuses one more`, async () => {
    await expect(read(StatsQueryDto, { days: String(MAX_STATS_DAYS) })).resolves.toMatchObject({
      days: MAX_STATS_DAYS,
    });
    expect(await refusal(StatsQueryDto, { days: String(MAX_STATS_DAYS + 1) })).toEqual([
      `days must be at most ${MAX_STATS_DAYS}`,
    ]);
  });

  it.each([
    ['2147483647', `days must be at most ${MAX_STATS_DAYS}`],
    ['1e308', 'days must be a whole number'],
    ['Infinity', 'days must be a whole number'],
    ['0', 'days must be at least 1'],
  ])('refuses days=%s, saying why', async (days, reason) => {
    expect(await refusal(StatsQueryDto, { days })).toContain(reason);
  });
});
