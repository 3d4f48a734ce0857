import type { PublishPage, SourcePoll } from './poll-report';

/**
 * A source the fetcher polls, whatever it is: a folder of saved pages (FolderSource), a feed,
 * sitemap, URL list or page on the web (WebSource), or a web archive read a slice at a time from
 * its cursor (WarcSource). The fetcher drives them alike: one poll hands each new or changed page
 * to `publish` as it is had and resolves with what the poll came to; how often to poll, and what
 * to do with the outcome, is the fetcher's business.
 */
export interface ArticleSource {
  /** The id its metrics and logs go under: `folder:<name>`, or the web source's id. */
  readonly id: string;
  poll(publish: PublishPage): Promise<SourcePoll>;
}
