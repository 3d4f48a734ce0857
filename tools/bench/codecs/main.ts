/**
 * `npm run bench:codecs`: which compression codec the topics should use, measured with real
 * pages on a real broker. Every candidate kafkajs can use on Node 20 publishes the same
 * fetched-article messages (the extraction benchmark's 181 pages, each as the fetcher would
 * send it) through the project's own EventPublisher, then a consumer reads them back. Printed
 * per codec, the median of the rounds: bytes per page as stored on the broker (what crosses the
 * wire), the client's CPU per page producing and consuming, and the broker's CPU per page
 * (its /proc counters) for both. The codecs run in a new order each round, after one round of
 * warm-up for the broker's JIT. A second table gives each topic's bytes per page (fetched,
 * parsed, enriched) as JSON and as each codec compresses them.
 *
 *   npm run bench:codecs [-- --rounds 3 --copies 2]
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Topic, exampleArticleFetched } from '@newsflow/contracts';
import type { ArticleFetchedV1 } from '@newsflow/contracts';
import { DEFAULT_MESSAGE_LIMITS, EventPublisher, createKafka } from '@newsflow/messaging';
import { jsonLogger } from '@newsflow/runtime';
import {
  REPO_ROOT,
  brokerDataDir,
  brokerPid,
  startTestBroker,
  stopTestBroker,
} from '@newsflow/testing';
import type { TestBroker } from '@newsflow/testing';
import { extractArticle } from '@newsflow/extraction';
import { CompressionCodecs } from 'kafkajs';
import type { Admin, Kafka } from 'kafkajs';
import { formatTable, quantile } from '../bench-table';
import { createTopic, topicBytesOnDisk } from '../bench-broker';
import { cpuMsOf } from '../process-cpu';
import { loadNewsPages } from '../news-pages';
import { CANDIDATES, registerCandidateCodecs, useZstdLevel } from './candidates';

type Candidate = (typeof CANDIDATES)[number];

interface Sample {
  storedBytes: number;
  produceCpuMs: number;
  consumeCpuMs: number;
  brokerProduceCpuMs: number;
  brokerConsumeCpuMs: number;
  produceMs: number;
}

const PORT = 29092;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { rounds: { type: 'string', default: '3' }, copies: { type: 'string', default: '2' } },
  });
  const rounds = Number(values.rounds);
  const copies = Number(values.copies);
  const pages = loadNewsPages();
  // Copy after copy of the whole set, never a page beside its own copy: a codec must not be
  // credited for finding the same page twice in one batch.
  const messages = Array.from({ length: copies }, (_, copy) =>
    pages.map((page, i) => fetchedArticle(page.html, page.url, i, copy)),
  ).flat();
  const rawBytes = messages.reduce((sum, m) => sum + Buffer.byteLength(JSON.stringify(m)), 0);
  console.log(
    `${messages.length} messages (${pages.length} pages x ${copies}), ${kb(rawBytes / messages.length)} KB per value as JSON`,
  );

  const broker = await startTestBroker(PORT, {
    runDir: resolve(REPO_ROOT, 'tmp/kafka-bench-codecs'),
  });
  const kafka = createKafka(
    { brokers: [broker.brokers], clientId: 'bench-codecs' },
    jsonLogger('bench', 'error'),
  );
  // After createKafka, which registers the project's own zstd codec (level 1) in its place.
  await registerCandidateCodecs();
  const samples = new Map<string, Sample[]>(CANDIDATES.map((c) => [c.name, []]));
  try {
    for (let round = 0; round <= rounds; round += 1) {
      // Round 0 warms the broker's JIT and is not counted.
      const order = rotate(CANDIDATES, round);
      for (const candidate of order) {
        const sample = await measure(kafka, broker, candidate, messages, `r${round}`);
        if (round > 0) samples.get(candidate.name)?.push(sample);
      }
      if (round > 0) console.log(`round ${round} of ${rounds} done`);
    }
  } finally {
    await stopTestBroker(broker);
  }

  const perPage = (v: number) => v / messages.length;
  const rows = [
    [
      'codec',
      'KB/page stored',
      'ratio',
      'producer CPU ms/page',
      'consumer CPU ms/page',
      'broker CPU ms/page (produce)',
      'broker CPU ms/page (fetch)',
      'produce pages/s',
    ],
  ];
  for (const candidate of CANDIDATES) {
    const s = samples.get(candidate.name) ?? [];
    const median = (pick: (x: Sample) => number) =>
      quantile(
        s.map(pick).sort((a, b) => a - b),
        0.5,
      );
    const stored = median((x) => x.storedBytes);
    rows.push([
      candidate.name,
      kb(perPage(stored)),
      (rawBytes / stored).toFixed(2),
      perPage(median((x) => x.produceCpuMs)).toFixed(2),
      perPage(median((x) => x.consumeCpuMs)).toFixed(2),
      perPage(median((x) => x.brokerProduceCpuMs)).toFixed(2),
      perPage(median((x) => x.brokerConsumeCpuMs)).toFixed(2),
      ((messages.length * 1000) / median((x) => x.produceMs)).toFixed(0),
    ]);
  }
  console.log(`\nmedian of ${rounds} rounds (load average ${loadAverage()})`);
  for (const line of formatTable(rows)) console.log(line);

  console.log(
    '\nbytes per page on each topic, value as JSON and as each codec compresses 1 MiB batches',
  );
  for (const line of formatTable(await bytesPerTopic(pages))) console.log(line);
}

/**
 * What each stage's message of a page weighs before and after compression: the page as fetched,
 * as parsed (the parser's output) and as enriched (the enricher's), each codec compressing
 * batches of at most 1 MiB of values, as the publisher sends them.
 */
async function bytesPerTopic(pages: { html: string; url: string }[]): Promise<string[][]> {
  // Loaded here only: building the enricher's gazetteers takes seconds the first table need not wait.
  const { enrichArticle } = await import('@newsflow/enrichment');
  const values: Record<string, Buffer[]> = { fetched: [], parsed: [], enriched: [] };
  pages.forEach((page, i) => {
    const fetched = fetchedArticle(page.html, page.url, i, 0);
    values.fetched?.push(json(fetched));
    try {
      const parsed = extractArticle(fetched);
      values.parsed?.push(json(parsed));
      values.enriched?.push(json(enrichArticle(parsed)));
    } catch {
      // No article in the page: the parser dead-letters it, so it has no parsed message.
    }
  });
  const rows = [
    ['topic', 'pages', 'JSON KB/page', ...CANDIDATES.slice(1).map((c) => `${c.name} KB`)],
  ];
  for (const [topic, list] of Object.entries(values)) {
    const raw = list.reduce((sum, v) => sum + v.length, 0);
    const cells = [];
    for (const candidate of CANDIDATES.slice(1)) {
      const codec = codecOf(candidate);
      let compressed = 0;
      for (const batch of batches(list, DEFAULT_MESSAGE_LIMITS.batchBytes)) {
        compressed += (await codec.compress({ buffer: batch })).length;
      }
      cells.push(kb(compressed / list.length));
    }
    rows.push([topic, String(list.length), kb(raw / list.length), ...cells]);
  }
  rows.push(...(await codecCpu(values.fetched ?? [])));
  return rows;
}

type Codec = {
  compress(encoder: { buffer: Buffer }): Promise<Buffer>;
  decompress(buffer: Buffer): Promise<Buffer>;
};

function codecOf(candidate: Candidate): Codec {
  if ('level' in candidate) useZstdLevel(candidate.level);
  return (CompressionCodecs[candidate.type as keyof typeof CompressionCodecs] as () => Codec)();
}

/**
 * Each codec's own CPU per fetched page, compressing and decompressing the pages in 1 MiB
 * batches, in this process alone: the least of 5 passes, which the broker's noise does not reach.
 */
async function codecCpu(values: Buffer[]): Promise<string[][]> {
  const compressRow = ['fetched: compress CPU ms/page', '', ''];
  const decompressRow = ['fetched: decompress CPU ms/page', '', ''];
  const input = batches(values, DEFAULT_MESSAGE_LIMITS.batchBytes);
  for (const candidate of CANDIDATES.slice(1)) {
    let compressMs = Infinity;
    let decompressMs = Infinity;
    for (let pass = 0; pass < 5; pass += 1) {
      const codec = codecOf(candidate);
      const start = process.cpuUsage();
      const compressed = [];
      for (const batch of input) compressed.push(await codec.compress({ buffer: batch }));
      const middle = process.cpuUsage();
      for (const batch of compressed) await codec.decompress(batch);
      const end = process.cpuUsage(middle);
      const first = process.cpuUsage(start);
      compressMs = Math.min(compressMs, (first.user + first.system - end.user - end.system) / 1000);
      decompressMs = Math.min(decompressMs, (end.user + end.system) / 1000);
    }
    compressRow.push((compressMs / values.length).toFixed(2));
    decompressRow.push((decompressMs / values.length).toFixed(2));
  }
  return [compressRow, decompressRow];
}

function json(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value));
}

/** Values joined into batches of at most `limit` bytes (a larger value alone). */
function batches(values: Buffer[], limit: number): Buffer[] {
  const out: Buffer[] = [];
  let current: Buffer[] = [];
  let size = 0;
  for (const value of values) {
    if (current.length > 0 && size + value.length > limit) {
      out.push(Buffer.concat(current));
      current = [];
      size = 0;
    }
    current.push(value);
    size += value.length;
  }
  if (current.length > 0) out.push(Buffer.concat(current));
  return out;
}

function fetchedArticle(html: string, url: string, page: number, copy: number): ArticleFetchedV1 {
  const id = `bench${String(page).padStart(4, '0')}c${copy}`;
  return {
    ...structuredClone(exampleArticleFetched),
    id,
    url,
    contentType: 'text/html; charset=utf-8',
    format: 'html',
    body: html,
  };
}

async function measure(
  kafka: Kafka,
  broker: TestBroker,
  candidate: Candidate,
  messages: ArticleFetchedV1[],
  tag: string,
): Promise<Sample> {
  // The publisher validates each value against its topic's schema, so the bench uses the real
  // topic, created afresh for each measurement and deleted after it.
  const topic = Topic.ArticleFetched;
  await createTopic(kafka, topic, 3, {
    'max.message.bytes': String(DEFAULT_MESSAGE_LIMITS.topicBytes),
    // Stored as the producer sent it: the bytes measured are the codec's own.
    'compression.type': 'producer',
  });

  if ('level' in candidate) useZstdLevel(candidate.level);
  const publisher = new EventPublisher(kafka, { compression: candidate.type });
  await publisher.connect();
  const cpu0 = process.cpuUsage();
  const broker0 = brokerCpuMs(broker);
  const t0 = performance.now();
  await Promise.all(messages.map((m) => publisher.publish(topic, m.id, m)));
  const produceMs = performance.now() - t0;
  const produceCpu = process.cpuUsage(cpu0);
  const broker1 = brokerCpuMs(broker);
  await publisher.disconnect();

  const consumeCpu0 = process.cpuUsage();
  await consumeAll(kafka, topic, messages.length, `bench-${candidate.name}-${tag}`);
  const consumeCpu = process.cpuUsage(consumeCpu0);
  const broker2 = brokerCpuMs(broker);
  const stored = topicBytesOnDisk(brokerDataDir(broker), topic);
  const admin = kafka.admin();
  await admin.connect();
  await admin.deleteTopics({ topics: [topic] });
  await waitUntilGone(admin, topic);
  await admin.disconnect();

  return {
    storedBytes: stored,
    produceCpuMs: (produceCpu.user + produceCpu.system) / 1000,
    consumeCpuMs: (consumeCpu.user + consumeCpu.system) / 1000,
    brokerProduceCpuMs: broker1 - broker0,
    brokerConsumeCpuMs: broker2 - broker1,
    produceMs,
  };
}

async function consumeAll(
  kafka: Kafka,
  topic: string,
  expected: number,
  groupId: string,
): Promise<void> {
  const consumer = kafka.consumer({ groupId });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  let seen = 0;
  await new Promise<void>((done, fail) => {
    consumer
      .run({
        eachBatch: async ({ batch }) => {
          seen += batch.messages.length;
          if (seen >= expected) done();
          await Promise.resolve();
        },
      })
      .catch(fail);
  });
  await consumer.disconnect();
}

function brokerCpuMs(broker: TestBroker): number {
  return cpuMsOf(brokerPid(broker));
}

async function waitUntilGone(admin: Admin, topic: string): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    if (!(await admin.listTopics()).includes(topic)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${topic} was not deleted within 10 s`);
}

function rotate<T>(items: readonly T[], by: number): T[] {
  const k = by % items.length;
  return [...items.slice(k), ...items.slice(0, k)];
}

function kb(bytes: number): string {
  return (bytes / 1024).toFixed(1);
}

function loadAverage(): string {
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
