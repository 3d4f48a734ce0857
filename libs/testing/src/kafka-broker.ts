import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The repository root, from libs/testing/src (sources) or dist/libs/testing/src (built). */
export const REPO_ROOT = resolve(
  __dirname,
  __dirname.includes('/dist/') ? '../../../..' : '../../..',
);

export interface TestBroker {
  brokers: string;
  runDir: string;
}

/**
 * Starts a fresh broker from Kafka's jars for a test run, on ports away from a developer's
 * local stack (9092), via tools/kafka/start.sh. It records the pid; `stopTestBroker` stops
 * that pid and nothing else. A suite that stops and restarts a broker of its own passes its own
 * port and run dir, and `fresh: false` to restart it on the data it had; with `advertisedPort`,
 * clients reach it through whatever listens there (a TcpProxy started first).
 */
export async function startTestBroker(
  port = 19092,
  {
    runDir = resolve(REPO_ROOT, 'tmp/kafka-test'),
    fresh = true,
    advertisedPort = port,
  }: { runDir?: string; fresh?: boolean; advertisedPort?: number } = {},
): Promise<TestBroker> {
  const env = {
    ...process.env,
    KAFKA_RUN_DIR: runDir,
    KAFKA_PORT: String(port),
    // A TCP proxy on another port (TcpProxy) that clients are sent to, so a suite can cut them off.
    KAFKA_ADVERTISED_PORT: String(advertisedPort),
    KAFKA_CONTROLLER_PORT: String(port + 1),
    KAFKA_FRESH: fresh ? '1' : '0',
    KAFKA_HEAP: '-Xms256m -Xmx512m',
  };
  const { stdout } = await run('bash', [resolve(REPO_ROOT, 'tools/kafka/start.sh')], {
    env,
    timeout: 600_000,
  });
  process.stdout.write(stdout);
  return { brokers: `127.0.0.1:${advertisedPort}`, runDir };
}

export async function stopTestBroker(broker: TestBroker): Promise<void> {
  const env = { ...process.env, KAFKA_RUN_DIR: broker.runDir };
  const { stdout } = await run('bash', [resolve(REPO_ROOT, 'tools/kafka/stop.sh')], {
    env,
    timeout: 60_000,
  });
  process.stdout.write(stdout);
}

/** The pid tools/kafka/start.sh recorded for the broker of `runDir`. */
export function brokerPid(broker: TestBroker): number {
  return Number(readFileSync(resolve(broker.runDir, 'broker.pid'), 'utf8').trim());
}

/** The broker's data folder (log.dirs), as start.sh lays it out by default. */
export function brokerDataDir(broker: TestBroker): string {
  return resolve(broker.runDir, 'data');
}
