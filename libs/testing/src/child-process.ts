import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';

export interface RunningProcess {
  child: ChildProcess;
  pid: number;
  /** Everything the process wrote, stdout and stderr interleaved. */
  output(): string;
  /** Resolves with the exit code (or signal) when the process ends. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends `signal` to this pid and waits for the exit, SIGKILL after `graceMs`. */
  stop(
    signal?: NodeJS.Signals,
    graceMs?: number,
  ): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Spawns a node script as its own OS process; tests stop it by its pid. With
 * NEWSFLOW_CPU_PROF_DIR in `env`, the process writes a V8 CPU profile there when it exits (node
 * refuses --cpu-prof in NODE_OPTIONS): `npm run bench:pipeline -- --profile DIR` uses it.
 */
export function spawnNode(script: string, args: string[], env: NodeJS.ProcessEnv): RunningProcess {
  const profileDir = env['NEWSFLOW_CPU_PROF_DIR'];
  const nodeArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const child = spawn(process.execPath, [...nodeArgs, script, ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error(`could not spawn ${script}`);
  const pid = child.pid;
  let out = '';
  child.stdout?.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr?.on('data', (b: Buffer) => (out += b.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let ended = false;
  void exited.then(() => (ended = true));
  return {
    child,
    pid,
    output: () => out,
    exited,
    async stop(signal: NodeJS.Signals = 'SIGTERM', graceMs = 15_000) {
      if (!ended) process.kill(pid, signal);
      const timer = setTimeout(() => {
        if (!ended) process.kill(pid, 'SIGKILL');
      }, graceMs);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
