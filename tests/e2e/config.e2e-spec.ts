import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from '@newsflow/testing';

const run = promisify(execFile);

interface Ending {
  code: number;
  stdout: string;
  stderr: string;
}

/** Starts a built app with only the given variables (and PATH) and tells how it ended. */
async function boot(app: string, variables: Record<string, string>): Promise<Ending> {
  const main = join(REPO_ROOT, `dist/apps/${app}/src/main.js`);
  // A broker nobody listens on: an app that got past its configuration would hang, not pass.
  const env = { PATH: process.env.PATH, KAFKA_BROKERS: '127.0.0.1:1', ...variables };
  try {
    const { stdout, stderr } = await run('node', [main], { env, timeout: 30_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('boot-time configuration', () => {
  it.each([
    [
      'fetcher',
      { KAFKA_MAX_ATTEMPTS: '0', FETCH_LEASE_MS: '5' },
      ['KAFKA_MAX_ATTEMPTS="0": must be >= 1', 'FETCH_LEASE_MS="5": must be >= 1000'],
    ],
    ['parser', { PARSER_MAX_DEPTH: 'deep' }, ['PARSER_MAX_DEPTH="deep": must be an integer']],
    ['enricher', { HTTP_PORT: 'port' }, ['HTTP_PORT="port": must be an integer']],
    [
      'store',
      { KAFKA_SESSION_TIMEOUT_MS: '1', HTTP_PORT: '0' },
      ['KAFKA_SESSION_TIMEOUT_MS="1": must be >= 6000', 'HTTP_PORT="0": must be >= 1'],
    ],
    [
      'api',
      { API_MAX_PAGE_SIZE: '5000', LOG_LEVEL: 'loud' },
      [
        'API_MAX_PAGE_SIZE="5000": must be <= 1000',
        'LOG_LEVEL="loud": must be one of debug, info, warn, error',
      ],
    ],
  ])(
    'stops the %s before it starts, listing every bad variable in one error',
    async (app, variables, problems) => {
      const ending = await boot(app, variables);

      expect(ending.code).toBe(1);
      expect(ending.stdout).toBe('');
      expect(ending.stderr).toContain(
        `ConfigError: invalid configuration:\n${problems.map((p) => `  - ${p}\n`).join('')}`,
      );
    },
  );
});
