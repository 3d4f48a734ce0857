import { BadRequestException } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import type { ArticleFilters, ArticlePageRequest } from '@newsflow/contracts';
import { Transform } from 'class-transformer';
import {
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
} from 'class-validator';
import { ARTICLE_ID } from './article-id';
import { parseTimestamp } from './timestamp';

const COUNTRY = /^[A-Z]{2}$/;
const TOPIC = /^medtop:\d{8}$/;
const LANGUAGE = /^[a-z]{2,3}$/;
/** C0 controls but tab, line feed and carriage return; Postgres text refuses NUL outright. */
const NO_CONTROL_CHARACTERS = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;

/**
 * The longest `q`, 500 characters: far more than a search box needs, and at most 250 terms, so
 * the query Postgres plans stays small. A URL of 10,000 terms does not even reach here: Node
 * refuses request heads over 16 KiB with a 431.
 */
export const MAX_QUERY_CHARS = 500;

/** Articles per page when the query gives no `limit`. */
export const DEFAULT_PAGE_SIZE = 20;

/** The longest `source`, 200 characters: source ids are short slugs. */
export const MAX_SOURCE_CHARS = 200;

/**
 * The most `days` `/stats` counts back, 3,650 (ten years): `byDay` has at most that many rows,
 * and the interval stays far inside what Postgres timestamps can subtract (2147483647 days
 * failed as "timestamp out of range").
 */
export const MAX_STATS_DAYS = 3_650;

/**
 * A whole number written as digits (optionally negative, so "-5" is told it is below the
 * minimum). Anything else stays a string for IsInt to refuse: `Number()` would take 1e308,
 * 0x10, " 7 " and "" (as 0).
 */
function wholeNumber({ value }: { value: unknown }): unknown {
  return typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
}

/**
 * A decimal number written as digits ("0.8", ".8", "1", "-0.01", so a negative one is told it is
 * below the minimum). Anything else stays a string for IsNumber to refuse: `Number()` would take
 * "", " ", "0x1", "1e-1" and "Infinity".
 */
function decimalNumber({ value }: { value: unknown }): unknown {
  return typeof value === 'string' && /^-?(?:\d+(?:\.\d*)?|\.\d+)$/.test(value)
    ? Number(value)
    : value;
}

/** Set only together with `country` or `focusCountry`, the filters it narrows. */
function WithCountryFilter(): PropertyDecorator {
  return ValidateBy({
    name: 'withCountryFilter',
    validator: {
      validate: (_value: unknown, args) => {
        const dto = args?.object as ArticleFiltersDto | undefined;
        return dto?.country !== undefined || dto?.focusCountry !== undefined;
      },
      defaultMessage: (args) =>
        `${args?.property ?? 'value'} needs country or focusCountry: it is the least confidence in that country`,
    },
  });
}

/** Free text that Postgres can take: no NUL or other control characters. */
function PlainText(property: string): PropertyDecorator {
  return Matches(NO_CONTROL_CHARACTERS, {
    message: `${property} must not contain control characters such as NUL`,
  });
}

/** A date or date and time that `parseTimestamp` reads (see there for the forms). */
function IsTimestamp(): PropertyDecorator {
  return ValidateBy({
    name: 'isTimestamp',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && parseTimestamp(value) !== null,
      defaultMessage: (args) =>
        `${args?.property ?? 'value'} must be a date (2025-10-01) or a date and time (2025-10-01T12:00:00Z), years 0001 to 9999`,
    },
  });
}

/**
 * The filters of `GET /articles` and `GET /stats`. Unknown parameters are refused (400), so a
 * misspelt filter is an error rather than a silently wider answer. Every value is checked here,
 * so a bad one is a 400 that says why and never reaches Postgres.
 */
export class ArticleFiltersDto {
  @ApiPropertyOptional({ description: 'Mentions this country (ISO 3166-1 alpha-2)', example: 'QA' })
  @IsOptional()
  @Matches(COUNTRY, { message: 'country must be an ISO 3166-1 alpha-2 code such as QA' })
  country?: string;

  @ApiPropertyOptional({ description: 'Is about this country (focus)', example: 'QA' })
  @IsOptional()
  @Matches(COUNTRY, { message: 'focusCountry must be an ISO 3166-1 alpha-2 code such as QA' })
  focusCountry?: string;

  @ApiPropertyOptional({
    description:
      'Needs country or focusCountry, and narrows them: only articles where the enricher is at ' +
      'least this sure (0 to 1, a probability) that it got that country right. Countries stored ' +
      'without a confidence (from older enrichers) never pass a threshold.',
    minimum: 0,
    maximum: 1,
    type: Number,
    example: 0.8,
  })
  @IsOptional()
  @Transform(decimalNumber)
  @IsNumber(
    { allowNaN: false, allowInfinity: false },
    { message: 'minConfidence must be a number from 0 to 1, such as 0.8' },
  )
  @Min(0, { message: 'minConfidence must be at least 0' })
  @Max(1, { message: 'minConfidence must be at most 1' })
  @WithCountryFilter()
  minConfidence?: number;

  @ApiPropertyOptional({ description: 'IPTC Media Topics code', example: 'medtop:16000000' })
  @IsOptional()
  @Matches(TOPIC, { message: 'topic must be an IPTC Media Topics code such as medtop:16000000' })
  topic?: string;

  @ApiPropertyOptional({ description: 'ISO 639-1 language code', example: 'en' })
  @IsOptional()
  @Matches(LANGUAGE, { message: 'language must be an ISO 639 code such as en' })
  language?: string;

  @ApiPropertyOptional({
    description: 'Source id (as in the messages: source.id)',
    maxLength: MAX_SOURCE_CHARS,
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_SOURCE_CHARS, {
    message: `source must be at most ${MAX_SOURCE_CHARS} characters`,
  })
  @PlainText('source')
  source?: string;

  @ApiPropertyOptional({
    description:
      "Story id (storyId of an article: its first seen copy's id): the story's syndicated copies",
    example: '7e9030f28acf342c',
  })
  @IsOptional()
  @Matches(ARTICLE_ID, {
    message: 'story must be a story id (an article id, at most 128 characters)',
  })
  story?: string;

  @ApiPropertyOptional({
    description: 'Published at or after: a date, or a date and time (UTC unless it has an offset)',
  })
  @IsOptional()
  @IsTimestamp()
  publishedFrom?: string;

  @ApiPropertyOptional({ description: 'Published before (as publishedFrom)' })
  @IsOptional()
  @IsTimestamp()
  publishedTo?: string;

  @ApiPropertyOptional({ description: 'First stored at or after (as publishedFrom)' })
  @IsOptional()
  @IsTimestamp()
  ingestedFrom?: string;

  @ApiPropertyOptional({ description: 'First stored before (as publishedFrom)' })
  @IsOptional()
  @IsTimestamp()
  ingestedTo?: string;

  @ApiPropertyOptional({
    description: 'Full text over title and body, web search syntax: peskov "gaza strip" -football',
    maxLength: MAX_QUERY_CHARS,
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_QUERY_CHARS, { message: `q must be at most ${MAX_QUERY_CHARS} characters` })
  @PlainText('q')
  q?: string;
}

export class ArticlePageQueryDto extends ArticleFiltersDto {
  @ApiPropertyOptional({
    description:
      'nextCursor of the previous page; none for the first. Pages follow the ingest order.',
  })
  @IsOptional()
  @Matches(/^\d{1,18}$/, { message: 'cursor must be the nextCursor of an earlier page' })
  cursor?: string;

  @ApiPropertyOptional({ description: 'Articles per page (1 to API_MAX_PAGE_SIZE)', default: 20 })
  @IsOptional()
  @Transform(wholeNumber)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be at least 1' })
  limit?: number;
}

export class StatsQueryDto extends ArticleFiltersDto {
  @ApiPropertyOptional({
    description: 'Days counted back for byDay',
    default: 30,
    maximum: MAX_STATS_DAYS,
  })
  @IsOptional()
  @Transform(wholeNumber)
  @IsInt({ message: 'days must be a whole number' })
  @Min(1, { message: 'days must be at least 1' })
  @Max(MAX_STATS_DAYS, { message: `days must be at most ${MAX_STATS_DAYS}` })
  days?: number;
}

/** The filters as the queries take them: dates parsed (the DTO has checked they parse). */
export function toFilters(dto: ArticleFiltersDto): ArticleFilters {
  const date = (value: string | undefined) =>
    value === undefined ? undefined : (parseTimestamp(value) ?? undefined);
  return {
    country: dto.country,
    focusCountry: dto.focusCountry,
    minConfidence: dto.minConfidence,
    topic: dto.topic,
    language: dto.language,
    source: dto.source,
    story: dto.story,
    publishedFrom: date(dto.publishedFrom),
    publishedTo: date(dto.publishedTo),
    ingestedFrom: date(dto.ingestedFrom),
    ingestedTo: date(dto.ingestedTo),
    q: dto.q,
  };
}

/** The page a query asks for; a `limit` over the API's largest page is a 400. */
export function toPageRequest(dto: ArticlePageQueryDto, maxPageSize: number): ArticlePageRequest {
  const limit = dto.limit ?? DEFAULT_PAGE_SIZE;
  if (limit > maxPageSize) {
    throw new BadRequestException([`limit must not be greater than ${maxPageSize}`]);
  }
  return { ...toFilters(dto), after: dto.cursor, limit };
}
