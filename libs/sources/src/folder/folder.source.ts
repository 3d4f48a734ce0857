import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { ArticleFetchedV1, SourceRefV1 } from '@newsflow/contracts';
import type { ArticleSource } from '../article-source';
import { isSavedPage, savedPageToDocument } from './saved-page';

interface Seen {
  size: number;
  mtimeMs: number;
}

/**
 * A folder of saved pages (.html, .txt, .json). Each poll publishes the files that are new or
 * changed since the last poll. A file is read only once its size and mtime held still across
 * two polls, so a page still being copied in is not read half-written; polling rather than
 * inotify also works on network and container mounts, where file events are unreliable.
 */
export class FolderSource implements ArticleSource {
  readonly ref: SourceRefV1;
  private readonly folder: string;
  private readonly published = new Map<string, Seen>();
  private readonly pending = new Map<string, Seen>();
  /** Documents handed out by the last poll, awaiting acknowledgement, by object identity. */
  private readonly unacknowledged = new WeakMap<ArticleFetchedV1, { path: string; seen: Seen }>();
  private readonly settle: boolean;

  /** `settle: false` reads files at first sight: for a one-off ingest of a finished folder. */
  constructor(folder: string, options: { settle?: boolean; name?: string } = {}) {
    this.folder = resolve(folder);
    this.settle = options.settle ?? true;
    const name = options.name ?? basename(this.folder);
    this.ref = { id: `folder:${name}`, kind: 'folder', name };
  }

  async poll(now: Date = new Date()): Promise<ArticleFetchedV1[]> {
    const documents: ArticleFetchedV1[] = [];
    const names = (await readdir(this.folder, { withFileTypes: true }))
      .filter((entry) => entry.isFile() && !entry.name.startsWith('.') && isSavedPage(entry.name))
      .map((entry) => entry.name)
      .sort();
    for (const name of names) {
      const path = join(this.folder, name);
      const info = await stat(path).catch(() => undefined);
      if (!info) continue; // removed between readdir and stat
      const current = { size: info.size, mtimeMs: info.mtimeMs };
      if (same(this.published.get(path), current)) continue;
      if (this.settle && !same(this.pending.get(path), current)) {
        this.pending.set(path, current);
        continue;
      }
      const bytes = await readFile(path);
      const document = savedPageToDocument(path, bytes, this.ref, now);
      this.unacknowledged.set(document, { path, seen: current });
      documents.push(document);
    }
    return documents;
  }

  acknowledge(documents: readonly ArticleFetchedV1[]): void {
    for (const document of documents) {
      const entry = this.unacknowledged.get(document);
      if (entry) this.published.set(entry.path, entry.seen);
    }
  }
}

function same(a: Seen | undefined, b: Seen): boolean {
  return a !== undefined && a.size === b.size && a.mtimeMs === b.mtimeMs;
}
