/**
 * `npm start`: the whole pipeline on this machine. Starts the Kafka broker from its jars (unless
 * KAFKA_BROKERS points at one), the four services and the read API as separate processes, ingests the bundled
 * samples/ folder, prints where to look, and on Ctrl-C stops everything it started, by pid.
 */
import { execFile } from 'node:child_process';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { isSavedPage } from '@newsflow/fetching';
import { REPO_ROOT, STAGES, startApi, startService, waitFor } from '@newsflow/testing';
import type { RunningProcess, RunningService, Stage } from '@newsflow/testing';
import { Client } from 'pg';

const run = promisify(execFile);
const PORTS: Record<Stage, number> = { fetcher: 3001, parser: 3002, enricher: 3003, store: 3004 };
const API_PORT = Number(process.env.API_PORT ?? 3000);

async function main(): Promise<void> {
  const samples = resolve(process.env.FETCHER_FOLDERS ?? resolve(REPO_ROOT, 'samples'));
  const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const logs = resolve(REPO_ROOT, 'tmp/stack');
  await mkdir(logs, { recursive: true });

  let ownBroker = false;
  if (!process.env.KAFKA_BROKERS) {
    say('starting Kafka (tools/kafka/start.sh, data kept in tools/kafka/.run) ...');
    const { stdout } = await run('bash', [resolve(REPO_ROOT, 'tools/kafka/start.sh')], {
      timeout: 600_000,
    });
    say(stdout.trim());
    ownBroker = true;
  }
  const env = {
    ...process.env,
    KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
    DATABASE_URL: databaseUrl,
    FETCHER_FOLDERS: samples,
  };

  const services: RunningService[] = [];
  let api: RunningProcess | undefined;
  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    say('stopping ...');
    if (api) {
      const exit = await api.stop('SIGTERM');
      say(`  api (pid ${api.pid}) stopped${clean(exit) ? '' : ` with ${JSON.stringify(exit)}`}`);
      await writeFile(resolve(logs, 'api.log'), api.output());
    }
    // Producers first, so every stage downstream can finish what it was handed.
    for (const service of [...services].reverse()) {
      const exit = await service.stop('SIGTERM');
      say(
        `  ${service.stage} (pid ${service.pid}) stopped${clean(exit) ? '' : ` with ${JSON.stringify(exit)}`}`,
      );
      await writeFile(resolve(logs, `${service.stage}.log`), service.output());
    }
    if (ownBroker)
      say((await run('bash', [resolve(REPO_ROOT, 'tools/kafka/stop.sh')])).stdout.trim());
    process.exit(code);
  };
  process.once('SIGINT', () => void stopAll(0));
  process.once('SIGTERM', () => void stopAll(0));

  try {
    for (const stage of STAGES) {
      const service = await startService(stage, PORTS[stage], env);
      services.push(service);
      say(`  ${stage.padEnd(8)} pid ${service.pid}, http://127.0.0.1:${service.httpPort}/metrics`);
    }
    api = await startApi(API_PORT, env);
    say(`  api      pid ${api.pid}, http://127.0.0.1:${API_PORT}/docs`);
    const expected = (await readdir(samples)).filter(isSavedPage).length;
    say(`ingesting ${expected} saved pages from ${samples} ...`);
    const sourceId = `folder:${samples.split('/').pop() ?? 'samples'}`;
    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    const stored = await waitFor(
      `${expected} articles in Postgres`,
      async () => {
        const result = await db.query<{ n: string }>(
          'SELECT count(*) AS n FROM articles WHERE source_id = $1',
          [sourceId],
        );
        const n = Number(result.rows[0]?.n ?? 0);
        return n >= expected ? n : undefined;
      },
      { timeoutMs: 120_000, intervalMs: 250 },
    );
    await db.end();
    say('');
    say(`${stored} articles stored from ${samples}. Look at them with:`);
    say(
      `  psql ${databaseUrl} -c "SELECT id, published_at, left(title, 70) AS title FROM articles ORDER BY published_at DESC"`,
    );
    say(
      `  psql ${databaseUrl} -c "SELECT article_id, code, mentions, round(salience::numeric, 2) FROM article_countries ORDER BY article_id, salience DESC"`,
    );
    say(`  curl 'http://127.0.0.1:${API_PORT}/articles?focusCountry=QA&q=Peskov'`);
    say(`  curl 'http://127.0.0.1:${API_PORT}/stats'`);
    say(
      'Drop more .html, .txt or .json pages into the folder and they flow through. Ctrl-C stops everything.',
    );
  } catch (error) {
    say(`failed: ${error instanceof Error ? error.message : String(error)}`);
    await stopAll(1);
  }
}

/** Nest re-raises SIGTERM once its shutdown hooks have run: that is a clean stop too. */
function clean(exit: { code: number | null; signal: NodeJS.Signals | null }): boolean {
  return exit.code === 0 || exit.signal === 'SIGTERM';
}

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

void main();
