import {
  BadRequestException,
  Controller,
  Get,
  Inject,
  NotFoundException,
  Param,
  Query,
  UseInterceptors,
} from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ArticleEnrichedV1 } from '@newsflow/contracts';
import { ArticleQueries, ArticlesRepository } from '@newsflow/persistence';
import type { ArticlePage, ArticleRevision, StoredArticleInfo } from '@newsflow/persistence';
import { API_SETTINGS } from '../api-settings';
import type { ApiSettings } from '../api-settings';
import { QueryGateInterceptor } from '../query-gate';
import { ArticlePageQueryDto, toFilters } from './article-query.dto';

const DEFAULT_PAGE_SIZE = 20;

@ApiTags('articles')
@Controller('articles')
@UseInterceptors(QueryGateInterceptor)
export class ArticlesController {
  constructor(
    @Inject(ArticleQueries) private readonly queries: ArticleQueries,
    @Inject(ArticlesRepository) private readonly articles: ArticlesRepository,
    @Inject(API_SETTINGS) private readonly settings: ApiSettings,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Articles in the order they were stored, filtered, a page at a time',
    description:
      'Pass nextCursor back as cursor for the next page. Pages never skip or repeat an article ' +
      'while ingestion goes on; an article whose content changes comes again, as its new revision.',
  })
  @ApiOkResponse({ description: '{ items, nextCursor, hasMore }' })
  async list(@Query() query: ArticlePageQueryDto): Promise<ArticlePage> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    if (limit > this.settings.maxPageSize) {
      throw new BadRequestException([
        `limit must not be greater than ${this.settings.maxPageSize}`,
      ]);
    }
    return this.queries.page({ ...toFilters(query), after: query.cursor, limit });
  }

  @Get(':id')
  @ApiOperation({ summary: 'One article with its countries, topics, entities and revisions' })
  @ApiOkResponse({ description: '{ article, stored, revisions }' })
  async get(@Param('id') id: string): Promise<{
    article: ArticleEnrichedV1;
    stored: StoredArticleInfo;
    revisions: ArticleRevision[];
  }> {
    if (!/^[\w.:-]{1,128}$/.test(id)) throw new BadRequestException(['id is not an article id']);
    // One after the other: a request holds at most one pooled connection, which is what
    // MAX_RUNNING_QUERIES counts on to leave connections free for /health/ready.
    const article = await this.articles.findById(id);
    const stored = await this.articles.storedInfo(id);
    const revisions = await this.articles.revisionsOf(id);
    if (article === null || stored === null) throw new NotFoundException(`no article ${id}`);
    return { article, stored, revisions };
  }
}
