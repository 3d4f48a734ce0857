import {
  BadRequestException,
  Controller,
  Get,
  Inject,
  NotFoundException,
  Param,
  Query,
} from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ArticleEnrichedV1 } from '@newsflow/contracts';
import { ArticleQueries, ArticlesRepository } from '@newsflow/persistence';
import type { ArticlePage, ArticleRevision, StoredArticleInfo } from '@newsflow/persistence';
import { API_SETTINGS } from '../api-settings';
import type { ApiSettings } from '../api-settings';
import { ArticlePageQueryDto, toFilters } from './article-query.dto';

const DEFAULT_PAGE_SIZE = 20;

@ApiTags('articles')
@Controller('articles')
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
    const [article, stored, revisions] = await Promise.all([
      this.articles.findById(id),
      this.articles.storedInfo(id),
      this.articles.revisionsOf(id),
    ]);
    if (article === null || stored === null) throw new NotFoundException(`no article ${id}`);
    return { article, stored, revisions };
  }
}
