import type { Manners } from '../http/polite-fetch';
import type { ArticleSource } from './article-source';
import type { PageMemory } from './page-memory';
import type { PublishPage, SourcePoll } from './poll-report';
import { pollSource } from './source-poll';
import type { SourceToPoll } from './source-poll';

/**
 * A feed, sitemap, URL list or page, polled with the manners (see pollSource). The fetcher makes
 * one per poll from the sources table, so each poll starts from the validators stored there.
 */
export class WebSource implements ArticleSource {
  constructor(
    private readonly source: SourceToPoll,
    private readonly manners: Manners,
    private readonly memory: PageMemory,
    private readonly maxPages: number,
  ) {}

  get id(): string {
    return this.source.id;
  }

  poll(publish: PublishPage): Promise<SourcePoll> {
    return pollSource(this.source, this.manners, this.memory, this.maxPages, publish);
  }
}
