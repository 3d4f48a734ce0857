import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { WarcCursor, WarcCursorStore } from '@newsflow/fetching';

/**
 * Where newsctl keeps how far it read each archive: `--state-dir`, else $XDG_STATE_HOME/newsctl,
 * else ~/.local/state/newsctl. Not beside the archive: archives often sit on read-only mounts,
 * and a URL has no beside.
 */
export function stateDirFrom(env: NodeJS.ProcessEnv, flag: string | undefined): string {
  if (flag !== undefined) return flag;
  const base = env.XDG_STATE_HOME || join(homedir(), '.local', 'state');
  return join(base, 'newsctl');
}

/**
 * The cursor of one archive location (file, folder or URL) in a small JSON file named after
 * the location, written whole to a temporary file and renamed over the old one, so a kill
 * mid-write leaves the previous cursor, never half of one.
 */
export class WarcStateFile implements WarcCursorStore {
  readonly path: string;

  constructor(
    dir: string,
    private readonly location: string,
  ) {
    const key = createHash('sha256').update(location).digest('hex').slice(0, 16);
    this.path = join(dir, `warc-${key}.json`);
  }

  async load(): Promise<WarcCursor | null> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const state = JSON.parse(text) as { location?: unknown; cursor?: WarcCursor };
    if (state.location !== this.location || state.cursor === undefined)
      throw new Error(`${this.path} is not the state of ${this.location}; remove it or --restart`);
    return state.cursor;
  }

  async save(cursor: WarcCursor): Promise<void> {
    await mkdir(join(this.path, '..'), { recursive: true });
    const temporary = `${this.path}.${process.pid}.tmp`;
    await writeFile(
      temporary,
      `${JSON.stringify({ location: this.location, cursor, savedAt: new Date().toISOString() })}\n`,
    );
    await rename(temporary, this.path);
  }

  /** `--restart`: the archive is read from its start. */
  async clear(): Promise<void> {
    await rm(this.path, { force: true });
  }
}
