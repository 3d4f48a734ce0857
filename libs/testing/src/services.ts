import { resolve } from 'node:path';
import { spawnNode } from './child-process';
import type { RunningProcess } from './child-process';
import { REPO_ROOT } from './kafka-broker';
import { waitFor } from './wait-for';

export const STAGES = ['store', 'enricher', 'parser', 'fetcher'] as const;
export type Stage = (typeof STAGES)[number];

export interface RunningService extends RunningProcess {
  stage: Stage;
  httpPort: number;
}

/**
 * Starts one built service (dist/apps/<stage>) as its own OS process and waits until its
 * /health/ready answers 200. Needs `npm run build` first.
 */
export async function startService(
  stage: Stage,
  httpPort: number,
  env: NodeJS.ProcessEnv,
  { readyTimeoutMs = 60_000 } = {},
): Promise<RunningService> {
  const child = await startReady(
    stage,
    httpPort,
    { ...env, HTTP_PORT: String(httpPort) },
    readyTimeoutMs,
  );
  return { ...child, stage, httpPort };
}

/**
 * Health ports for the four stages, from `first` and `step` apart: fetcher, parser, enricher,
 * store. Each suite takes a block no other suite uses.
 */
export function stagePorts(first: number, step = 1): Record<Stage, number> {
  return {
    fetcher: first,
    parser: first + step,
    enricher: first + 2 * step,
    store: first + 3 * step,
  };
}

/**
 * The four stages as processes, each on its port, started in STAGES order (the store first, the
 * fetcher last: nothing is published before its reader runs) and ready when this resolves.
 */
export async function startStages(
  ports: Record<Stage, number>,
  env: NodeJS.ProcessEnv,
): Promise<Map<Stage, RunningService>> {
  const services = new Map<Stage, RunningService>();
  for (const stage of STAGES) services.set(stage, await startService(stage, ports[stage], env));
  return services;
}

/** Stops the stages with SIGTERM, by pid, in the reverse order they started: producers first. */
export async function stopStages(services: Map<Stage, RunningService>): Promise<void> {
  for (const service of [...services.values()].reverse()) await service.stop('SIGTERM');
}

/** Starts the built read API (dist/apps/api) on `port` and waits until it is ready. */
export async function startApi(
  port: number,
  env: NodeJS.ProcessEnv,
  { readyTimeoutMs = 60_000 } = {},
): Promise<RunningProcess & { port: number }> {
  const child = await startReady('api', port, { ...env, API_PORT: String(port) }, readyTimeoutMs);
  return { ...child, port };
}

async function startReady(
  app: string,
  port: number,
  env: NodeJS.ProcessEnv,
  readyTimeoutMs: number,
): Promise<RunningProcess> {
  const script = resolve(REPO_ROOT, `dist/apps/${app}/src/main.js`);
  const child = spawnNode(script, [], env);
  try {
    await waitFor(
      `${app} to become ready on :${port}`,
      async () => {
        const exited = await Promise.race([
          child.exited,
          new Promise<undefined>((r) => setTimeout(r, 0, undefined)),
        ]);
        if (exited)
          throw new ExitedEarly(
            `${app} exited (${JSON.stringify(exited)}):\n${child.output().slice(-3000)}`,
          );
        const response = await fetch(`http://127.0.0.1:${port}/health/ready`);
        return response.ok ? true : undefined;
      },
      { timeoutMs: readyTimeoutMs, intervalMs: 200, rethrow: (e) => e instanceof ExitedEarly },
    );
  } catch (error) {
    await child.stop('SIGKILL');
    throw error;
  }
  return child;
}

class ExitedEarly extends Error {}
