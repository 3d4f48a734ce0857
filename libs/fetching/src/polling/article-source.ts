import type { PublishPage, SourcePoll } from './poll-report';

/**
 * A source the fetcher polls, whatever it is: a folder of saved pages (FolderSource) or a feed,
 * sitemap, URL list or page on the web (WebSource). The fetcher drives both alike: one poll
 * hands each new or changed page to `publish` as it is had and resolves with what the poll came
 * to; how often to poll, and what to do with the outcome, is the fetcher's business.
 */
export interface ArticleSource {
  /** The id its metrics and logs go under: `folder:<name>`, or the web source's id. */
  readonly id: string;
  poll(publish: PublishPage): Promise<SourcePoll>;
}
