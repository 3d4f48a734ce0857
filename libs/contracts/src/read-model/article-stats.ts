/** `GET /stats`: counts over the articles matching the filters, the largest groups first. */
export interface ArticleStats {
  articles: number;
  byCountry: { code: string; articles: number }[];
  byFocusCountry: { code: string; articles: number }[];
  byTopic: { code: string; label: string; articles: number }[];
  bySource: { id: string; name: string; articles: number }[];
  /** Articles first stored per UTC day, the last `days` days. */
  byDay: { day: string; articles: number }[];
}
