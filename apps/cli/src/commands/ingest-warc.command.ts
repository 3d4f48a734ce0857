import { resolve } from 'node:path';
import { loadKafkaConfig, loadMannersConfig } from '@newsflow/config';
import { Topic } from '@newsflow/contracts';
import { stat } from 'node:fs/promises';
import {
  FolderSource,
  archiveOpener,
  WarcSource,
  isWarcName,
  listArchives,
  warcLocation,
} from '@newsflow/fetching';
import type { WarcCursor, WarcReport } from '@newsflow/fetching';
import {
  EventPublisher,
  HoldingPublisher,
  createKafka,
  ensureTopics,
  messageLimits,
} from '@newsflow/messaging';
import { jsonLogger } from '@newsflow/runtime';
import { ArchiveProgress } from '../terminal/archive-progress';
import type { ProgressOutput } from '../terminal/progress';
import { WarcStateFile, stateDirFrom } from './warc-state';

export interface WarcIngestSummary {
  archive: string;
  /** Where this run started: null from the beginning, else the cursor a previous run left. */
  resumedFrom: WarcCursor | null;
  /** Where it got to: what the next run starts from. */
  cursor: WarcCursor | null;
  records: number;
  published: number;
  /** Records that are not pages, by reason (not-a-response, not-html, http-status...). */
  skipped: Record<string, number>;
  /** Pages refused (too large) and damaged records (truncated, unreadable). */
  refused: number;
  damaged: WarcReport['damaged'];
  megabytes: number;
  seconds: number;
  peakRssMb: number;
  stateFile: string;
}

export interface WarcIngestOptions {
  stateDir?: string;
  /** Forget the recorded cursor: read the archive from its start. */
  restart?: boolean;
}

/**
 * `newsctl ingest <archive.warc.gz | folder of archives | URL>`: publishes the HTML responses of
 * web archives as the fetcher publishes fetched pages, streaming (a record at a time, the
 * publisher's 16 MiB buffer the only backlog), and records in a state file how far every
 * publish was acknowledged, so a run stopped or killed midway resumes there.
 */
export async function ingestWarc(
  target: string,
  err: ProgressOutput,
  options: WarcIngestOptions = {},
  env: NodeJS.ProcessEnv = process.env,
): Promise<WarcIngestSummary> {
  const startedAt = Date.now();
  const kafkaConfig = loadKafkaConfig(env);
  const limits = messageLimits(kafkaConfig.maxMessageBytes);
  const logger = jsonLogger('newsctl', kafkaConfig.logLevel);
  const location = await warcLocation(target);
  const key = location.kind === 'url' ? location.url : location.path;
  const state = new WarcStateFile(stateDirFrom(env, options.stateDir), resolveKey(key));
  if (options.restart) await state.clear();
  const resumedFrom = await state.load();
  let cursor = resumedFrom;
  const progress = new ArchiveProgress(err);
  const manners = loadMannersConfig(env);
  const source = new WarcSource(location, {
    maxBytes: manners.maxBytes,
    // An archive URL is opened as the fetcher opens pages: its user agent, its address policy.
    openUrl: archiveOpener(manners),
    cursor: {
      load: () => Promise.resolve(resumedFrom),
      save: async (next) => {
        cursor = next;
        await state.save(next);
      },
    },
    onProblem: ({ archive, offset, reason }) =>
      progress.note(`newsctl ingest: ${archive}@${offset}: ${reason}`),
    onProgress: (report) => progress.update(report),
  });
  const kafka = createKafka(
    { brokers: kafkaConfig.brokers, clientId: `${kafkaConfig.clientId}-newsctl` },
    logger,
  );
  await ensureTopics(kafka, { partitions: kafkaConfig.topicPartitions, limits });
  const publisher = new EventPublisher(kafka, { limits });
  const holding = new HoldingPublisher(publisher, { logger });
  try {
    await source.poll((document) => holding.handOver(Topic.ArticleFetched, document.id, document));
    progress.finish();
    const report = source.report;
    return {
      archive: source.ref.name,
      resumedFrom,
      cursor,
      records: report.records,
      published: report.published,
      skipped: report.skipped,
      refused: report.refused,
      damaged: report.damaged,
      megabytes: Math.round(report.bytesRead / 100_000) / 10,
      seconds: Math.round((Date.now() - startedAt) / 100) / 10,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      stateFile: state.path,
    };
  } finally {
    holding.stop();
    await publisher.disconnect();
  }
}

/**
 * Whether `ingest` reads web archives: `--kind warc`, a URL, a .warc(.gz) file, or a folder that
 * holds archives and no saved pages.
 */
export async function isWarcTarget(target: string, kind: string | undefined): Promise<boolean> {
  if (kind !== undefined) return kind === 'warc';
  if (/^https?:\/\//i.test(target) || isWarcName(target)) return true;
  if (!(await stat(target)).isDirectory()) return false;
  const archives = await listArchives({ kind: 'folder', path: target });
  return archives.length > 0 && (await new FolderSource(target).listFiles()).length === 0;
}

function resolveKey(key: string): string {
  return /^https?:\/\//i.test(key) ? key : resolve(key);
}
