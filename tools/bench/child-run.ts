import { fork } from 'node:child_process';

/**
 * Runs `script` again as a child with `args` and resolves with the one report it sends over
 * IPC: each measured run gets a process, and so a peak RSS, of its own.
 */
export function runReportingChild<Report>(
  script: string,
  args: string[],
  execArgv: string[] = [],
): Promise<Report> {
  return new Promise((resolvePromise, reject) => {
    let report: Report | undefined;
    const child = fork(script, args, { execArgv });
    child.on('message', (message) => (report = message as Report));
    child.on('error', reject);
    // 'close' comes after the IPC channel has closed, so the report has arrived by then.
    child.on('close', (code) =>
      code === 0 && report !== undefined
        ? resolvePromise(report)
        : reject(new Error(`the run ${args.join(' ')} exited with code ${code}`)),
    );
  });
}
