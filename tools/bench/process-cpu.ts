import { readFileSync, readdirSync } from 'node:fs';

/** Linux counts process CPU in clock ticks of 1/100 s (`getconf CLK_TCK`). */
const CLOCK_TICKS_PER_S = 100;

/** A process's user + system CPU so far, in ms, from /proc/<pid>/stat (fields 14 and 15). */
export function cpuMsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / CLOCK_TICKS_PER_S;
}

/**
 * Every Postgres server process (postmaster, backends, background workers): the server's CPU is
 * their sum. Processes come and go with connections, so a bench reads the set at each sample and
 * counts what the living ones spent; a backend that ended between samples is missed.
 */
export function postgresPids(): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres';
      } catch {
        return false; // gone since readdir
      }
    });
}

/** CPU ms of the pids in `pids` still alive, together; one gone since it was listed counts 0. */
export function totalCpuMsOf(pids: readonly number[]): number {
  let total = 0;
  for (const pid of pids) {
    try {
      total += cpuMsOf(pid);
    } catch {
      // ended between the listing and now
    }
  }
  return total;
}
