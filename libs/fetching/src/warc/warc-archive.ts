import { createReadStream } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, gunzipSync } from 'node:zlib';

/** An archive's file name: `.warc` or `.warc.gz` (CC-NEWS's, and what WARC writers produce). */
export function isWarcName(name: string): boolean {
  return /\.warc(\.gz)?$/i.test(name);
}

/** Where a `warc` source reads: one archive file, a folder of them, or an http(s) URL. */
export type WarcLocation =
  | { kind: 'file'; path: string }
  | { kind: 'folder'; path: string }
  | { kind: 'url'; url: string };

export async function warcLocation(location: string): Promise<WarcLocation> {
  if (/^https?:\/\//i.test(location)) return { kind: 'url', url: location };
  // A file: URL's escapes are decoded (`%20` is a space), as the sources table stores them.
  const path = /^file:/i.test(location) ? fileURLToPath(location) : resolve(location);
  const info = await stat(path);
  return info.isDirectory() ? { kind: 'folder', path } : { kind: 'file', path };
}

/** An archive of a location, by name (a folder's are read in name order), and its size. */
export interface ArchiveEntry {
  name: string;
  /** Null when not known before reading (a URL). */
  size: number | null;
}

export async function listArchives(location: WarcLocation): Promise<ArchiveEntry[]> {
  if (location.kind === 'url') return [{ name: location.url, size: null }];
  if (location.kind === 'file')
    return [{ name: basename(location.path), size: (await stat(location.path)).size }];
  const names = (await readdir(location.path, { withFileTypes: true }))
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.') && isWarcName(entry.name))
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => ({ name, size: (await stat(join(location.path, name))).size })),
  );
}

/** A file's path from its location and name. */
export function archivePath(location: WarcLocation, name: string): string {
  if (location.kind === 'url') throw new Error(`${location.url} is not a file`);
  return location.kind === 'file' ? location.path : join(location.path, name);
}

/** Chunks of reading a file from `start`: 1 MiB at a time, whatever the file's size. */
export function readFileFrom(path: string, start: number): AsyncIterable<Uint8Array> {
  return createReadStream(path, { start, highWaterMark: READ_CHUNK });
}

const READ_CHUNK = 1024 * 1024;
const GZIP_MAGIC = Buffer.from([0x1f, 0x8b, 0x08]);
const WARC_LINE = Buffer.from('WARC/1.');
/** Enough of a member to inflate its first line: a record's headers fit in far less. */
const PROBE_BYTES = 64 * 1024;

/**
 * The offset of the first record that starts after `after` in a file, or null if none does: how
 * a file is read on past an unreadable record. In a .warc.gz a record is a gzip member, so the
 * candidates are gzip headers whose first inflated bytes are a WARC version line; in a plain
 * WARC, version lines at the start of a line. The file is scanned a chunk at a time.
 */
export async function nextRecordStart(path: string, after: number): Promise<number | null> {
  const file = await open(path, 'r');
  try {
    const gzip = await isGzip(file);
    const pattern = gzip ? GZIP_MAGIC : WARC_LINE;
    const buffer = Buffer.alloc(READ_CHUNK);
    let position = after + 1;
    for (;;) {
      const { bytesRead } = await file.read(buffer, 0, buffer.length, position);
      if (bytesRead < pattern.length) return null;
      const chunk = buffer.subarray(0, bytesRead);
      for (let at = chunk.indexOf(pattern); at !== -1; at = chunk.indexOf(pattern, at + 1)) {
        const candidate = position + at;
        if (await startsRecord(file, candidate, gzip)) return candidate;
      }
      // Overlap by the pattern's length, so a pattern across two chunks is seen.
      position += bytesRead - pattern.length + 1;
    }
  } finally {
    await file.close();
  }
}

type FileHandle = Awaited<ReturnType<typeof open>>;

async function isGzip(file: FileHandle): Promise<boolean> {
  const head = Buffer.alloc(GZIP_MAGIC.length);
  await file.read(head, 0, head.length, 0);
  return head.equals(GZIP_MAGIC);
}

async function startsRecord(file: FileHandle, at: number, gzip: boolean): Promise<boolean> {
  const probe = Buffer.alloc(PROBE_BYTES);
  const { bytesRead } = await file.read(probe, 0, probe.length, at);
  const bytes = probe.subarray(0, bytesRead);
  if (!gzip) return at === 0 || (await byteAt(file, at - 1)) === 0x0a;
  try {
    // A member longer than the probe is cut: inflate what is there without asking for its end.
    const head = gunzipSync(bytes, { finishFlush: constants.Z_SYNC_FLUSH });
    return head.subarray(0, WARC_LINE.length).equals(WARC_LINE);
  } catch {
    return false;
  }
}

async function byteAt(file: FileHandle, at: number): Promise<number | undefined> {
  const one = Buffer.alloc(1);
  const { bytesRead } = await file.read(one, 0, 1, at);
  return bytesRead === 1 ? one[0] : undefined;
}
