export {
  REPO_ROOT,
  brokerDataDir,
  brokerPid,
  startTestBroker,
  stopTestBroker,
} from './kafka-broker';
export type { TestBroker } from './kafka-broker';
export { spawnNode } from './child-process';
export type { RunningProcess } from './child-process';
export { waitFor } from './wait-for';
export { STAGES, stagePorts, startApi, startService, startStages, stopStages } from './services';
export type { RunningService, Stage } from './services';
export { TcpProxy } from './tcp-proxy';
export { createTempDatabase, urlWithDatabase } from './temp-database';
export type { TempDatabase } from './temp-database';
export { readDeadLetters } from './dead-letters';
export { enrichedArticle, germanEconomyArticle, jsonOrNull } from './articles';
export { newsPages } from './news-pages';
export type { NewsPage } from './news-pages';
export { FeedServer } from './feed-server';
export type { ServedPage } from './feed-server';
export { startGroupsAtTheEnd } from './consumer-groups';
export { StreamingFeed } from './streaming-feed';
export type { ReleasedPage, StreamingFeedOptions } from './streaming-feed';
export { seededRandom } from './seeded-random';
export {
  ALERTS_FILE,
  DASHBOARD_FILE,
  PROMETHEUS_SERIES,
  TARGET_LABELS,
  alertQueries,
  dashboardQueries,
  instantQuery,
  queryNeeds,
} from './promql';
export type { NamedQuery, QueryNeeds } from './promql';
export { parseExposition, scrapeMetrics } from './metrics-scrape';
export type { MetricSample } from './metrics-scrape';
export { EXTRAS_EVERY, pageCopy, warcRecord, writeArchive } from './warc-writer';
export type { ArchiveBuilt, ArchiveOptions, WarcRecordSpec } from './warc-writer';
