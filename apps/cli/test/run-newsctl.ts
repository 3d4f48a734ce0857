import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from '@newsflow/testing';

const run = promisify(execFile);
const NEWSCTL = resolve(REPO_ROOT, 'dist/apps/cli/src/main.js');

export interface NewsctlRun {
  code: number;
  out: string;
  err: string;
}

/**
 * The built newsctl (`npm run build` first) as its own process, as a person runs it: its exit
 * code, stdout and stderr, whether it succeeded or not.
 */
export async function runNewsctl(
  args: string[],
  env: NodeJS.ProcessEnv,
  options: { maxBuffer?: number } = {},
): Promise<NewsctlRun> {
  try {
    const { stdout, stderr } = await run('node', [NEWSCTL, ...args], { env, ...options });
    return { code: 0, out: stdout, err: stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, out: failed.stdout, err: failed.stderr };
  }
}
