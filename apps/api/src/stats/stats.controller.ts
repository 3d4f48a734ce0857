import { Controller, Get, Inject, Query, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { ArticleStats } from '@newsflow/contracts';
import { ArticlesReader } from '@newsflow/persistence';
import { StatsQueryDto, toFilters } from '../articles/article-query.dto';
import { QueryGateInterceptor } from '../query-gate';

/** Groups shown per dimension: the largest ones. */
const TOP = 50;
const DEFAULT_DAYS = 30;

@ApiTags('stats')
@Controller('stats')
@UseInterceptors(QueryGateInterceptor)
export class StatsController {
  constructor(@Inject(ArticlesReader) private readonly reader: ArticlesReader) {}

  @Get()
  @ApiOperation({
    summary:
      'Articles and distinct stories; articles per country, focus country, topic, source and day, for the same filters',
  })
  @ApiOkResponse({
    description: '{ articles, stories, byCountry, byFocusCountry, byTopic, bySource, byDay }',
    schema: { $ref: getSchemaPath('ArticleStats') },
  })
  stats(@Query() query: StatsQueryDto): Promise<ArticleStats> {
    return this.reader.stats(toFilters(query), query.days ?? DEFAULT_DAYS, TOP);
  }
}
