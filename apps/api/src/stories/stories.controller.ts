import { Controller, Get, Inject, Param, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Story } from '@newsflow/contracts';
import { ArticlesReader } from '@newsflow/persistence';
import { StoryIdPipe, foundStory } from '../articles/article-id';
import { QueryGateInterceptor } from '../query-gate';

@ApiTags('stories')
@Controller('stories')
@UseInterceptors(QueryGateInterceptor)
export class StoriesController {
  constructor(@Inject(ArticlesReader) private readonly reader: ArticlesReader) {}

  @Get(':id')
  @ApiOperation({
    summary: "A story's syndicated copies: their ids, URLs, sources, times and similarity",
    description:
      'The copies first stored first, at most 1,000 (GET /articles?story= pages through all); ' +
      'copies and sources count them all.',
  })
  @ApiOkResponse({
    description: '{ id, copies, sources, firstStoredAt, lastStoredAt, articles }',
    schema: { $ref: getSchemaPath('Story') },
  })
  async get(@Param('id', StoryIdPipe) id: string): Promise<Story> {
    return foundStory(id, await this.reader.story(id));
  }
}
