/** A feed, sitemap or URL list that cannot be read at all; the source should report it, not retry. */
export class FeedError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'FeedError';
  }
}
