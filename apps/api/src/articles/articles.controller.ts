import { Controller, Get, Inject, Param, Query, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { ArticlePage, ArticleWithHistory } from '@newsflow/contracts';
import { ArticlesReader } from '@newsflow/persistence';
import { API_SETTINGS } from '../api-settings';
import type { ApiSettings } from '../api-settings';
import { QueryGateInterceptor } from '../query-gate';
import { ArticleIdPipe, foundArticle } from './article-id';
import { ArticlePageQueryDto, toPageRequest } from './article-query.dto';

@ApiTags('articles')
@Controller('articles')
@UseInterceptors(QueryGateInterceptor)
export class ArticlesController {
  constructor(
    @Inject(ArticlesReader) private readonly reader: ArticlesReader,
    @Inject(API_SETTINGS) private readonly settings: ApiSettings,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Articles in the order they were stored, filtered, a page at a time',
    description:
      'Pass nextCursor back as cursor for the next page. Pages never skip or repeat an article ' +
      'while ingestion goes on; an article whose content changes comes again, as its new revision.',
  })
  @ApiOkResponse({
    description: '{ items, nextCursor, hasMore }',
    schema: { $ref: getSchemaPath('ArticlePage') },
  })
  list(@Query() query: ArticlePageQueryDto): Promise<ArticlePage> {
    return this.reader.page(toPageRequest(query, this.settings.maxPageSize));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One article with its countries, topics, entities and revisions' })
  @ApiOkResponse({
    description: '{ article, stored, revisions }',
    schema: { $ref: getSchemaPath('ArticleWithHistory') },
  })
  async get(@Param('id', ArticleIdPipe) id: string): Promise<ArticleWithHistory> {
    return foundArticle(id, await this.reader.findWithHistory(id));
  }
}
