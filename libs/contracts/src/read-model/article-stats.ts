/** `GET /stats`: counts over the articles matching the filters, the largest groups first. */
export interface ArticleStats {
  articles: number;
  /**
   * Distinct stories among those articles: syndicated copies count once; an article without a
   * story (too short, or stored before stories) counts as its own.
   */
  stories: number;
  byCountry: { code: string; articles: number }[];
  byFocusCountry: { code: string; articles: number }[];
  byTopic: { code: string; label: string; articles: number }[];
  bySource: { id: string; name: string; articles: number }[];
  /** Articles first stored per UTC day, the last `days` days. */
  byDay: { day: string; articles: number }[];
}
