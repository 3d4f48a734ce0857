/** What the fetcher remembers of a page it published or refused (see FetchedPagesRepository). */
export interface RememberedPage {
  articleId: string;
  contentHash: string;
  listedAt: Date | null;
  /** Why the page was not carried (too large), or null: it was published. */
  refused: string | null;
}

/** The fetcher's memory of published pages; the dry run passes one that knows nothing. */
export interface PageMemory {
  byUrl(urls: readonly string[]): Promise<Map<string, RememberedPage>>;
  byContentHash(hashes: readonly string[]): Promise<Map<string, RememberedPage>>;
}

export const NO_MEMORY: PageMemory = {
  byUrl: () => Promise.resolve(new Map()),
  byContentHash: () => Promise.resolve(new Map()),
};

/** A page of this poll, to remember: published, refused, or already held. */
export interface PageRecord {
  /** The normalised URL the source listed the page under. */
  url: string;
  articleId: string;
  /** Empty for a page refused before its body was had (over FETCH_MAX_BYTES). */
  contentHash: string;
  listedAt: Date | null;
  /** Why the page cannot be carried; it is not fetched again until its source dates it later. */
  refused: string | null;
}
