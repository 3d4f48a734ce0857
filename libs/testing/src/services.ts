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
  const script = resolve(REPO_ROOT, `dist/apps/${stage}/src/main.js`);
  const child = spawnNode(script, [], { ...env, HTTP_PORT: String(httpPort) });
  const service = { ...child, stage, httpPort };
  try {
    await waitFor(
      `${stage} to become ready on :${httpPort}`,
      async () => {
        const exited = await Promise.race([
          child.exited,
          new Promise<undefined>((r) => setTimeout(r, 0, undefined)),
        ]);
        if (exited)
          throw new ExitedEarly(
            `${stage} exited (${JSON.stringify(exited)}):\n${child.output().slice(-3000)}`,
          );
        const response = await fetch(`http://127.0.0.1:${httpPort}/health/ready`);
        return response.ok ? true : undefined;
      },
      { timeoutMs: readyTimeoutMs, intervalMs: 200, rethrow: (e) => e instanceof ExitedEarly },
    );
  } catch (error) {
    await child.stop('SIGKILL');
    throw error;
  }
  return service;
}

class ExitedEarly extends Error {}
