import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import type { PipeTransform } from '@nestjs/common';

/** What article ids are made of (the fetcher's ids and the URL-derived ones), at most 128. */
export const ARTICLE_ID = /^[\w.:-]{1,128}$/;

/** The id as it came, or a 400 that never reaches Postgres. */
function checkedId(id: string, what: string): string {
  if (!ARTICLE_ID.test(id)) throw new BadRequestException([`id is not ${what}`]);
  return id;
}

/** The `:id` of `GET /articles/:id`. */
@Injectable()
export class ArticleIdPipe implements PipeTransform<string, string> {
  transform(id: string): string {
    return checkedId(id, 'an article id');
  }
}

/** What was found for the id, or a 404 that names it. */
export function foundArticle<T>(id: string, found: T | null): T {
  if (found === null) throw new NotFoundException(`no article ${id}`);
  return found;
}

/** The `:id` of `GET /stories/:id`: a story is named by an article id. */
@Injectable()
export class StoryIdPipe implements PipeTransform<string, string> {
  transform(id: string): string {
    return checkedId(id, 'a story id');
  }
}

/** The story found for the id, or a 404 that names it. */
export function foundStory<T>(id: string, found: T | null): T {
  if (found === null) throw new NotFoundException(`no story ${id}`);
  return found;
}
