import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsISO8601, IsInt, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';

const COUNTRY = /^[A-Z]{2}$/;
const TOPIC = /^medtop:\d{8}$/;
const LANGUAGE = /^[a-z]{2,3}$/;

/**
 * The filters of `GET /articles` and `GET /stats`. Unknown parameters are refused (400), so a
 * misspelt filter is an error rather than a silently wider answer.
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

  @ApiPropertyOptional({ description: 'IPTC Media Topics code', example: 'medtop:16000000' })
  @IsOptional()
  @Matches(TOPIC, { message: 'topic must be an IPTC Media Topics code such as medtop:16000000' })
  topic?: string;

  @ApiPropertyOptional({ description: 'ISO 639-1 language code', example: 'en' })
  @IsOptional()
  @Matches(LANGUAGE, { message: 'language must be an ISO 639 code such as en' })
  language?: string;

  @ApiPropertyOptional({ description: 'Source id (as in the messages: source.id)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  source?: string;

  @ApiPropertyOptional({ description: 'Published at or after (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'publishedFrom must be an ISO 8601 date or time' })
  publishedFrom?: string;

  @ApiPropertyOptional({ description: 'Published before (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'publishedTo must be an ISO 8601 date or time' })
  publishedTo?: string;

  @ApiPropertyOptional({ description: 'First stored at or after (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'ingestedFrom must be an ISO 8601 date or time' })
  ingestedFrom?: string;

  @ApiPropertyOptional({ description: 'First stored before (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'ingestedTo must be an ISO 8601 date or time' })
  ingestedTo?: string;

  @ApiPropertyOptional({
    description: 'Full text over title and body, web search syntax: peskov "gaza strip" -football',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
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
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be at least 1' })
  limit?: number;
}

export class StatsQueryDto extends ArticleFiltersDto {
  @ApiPropertyOptional({ description: 'Days counted back for byDay', default: 30 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'days must be a whole number' })
  @Min(1, { message: 'days must be at least 1' })
  days?: number;
}

/** The filters as the queries take them: dates parsed. */
export function toFilters(dto: ArticleFiltersDto) {
  const date = (value: string | undefined) => (value === undefined ? undefined : new Date(value));
  return {
    country: dto.country,
    focusCountry: dto.focusCountry,
    topic: dto.topic,
    language: dto.language,
    source: dto.source,
    publishedFrom: date(dto.publishedFrom),
    publishedTo: date(dto.publishedTo),
    ingestedFrom: date(dto.ingestedFrom),
    ingestedTo: date(dto.ingestedTo),
    q: dto.q,
  };
}
