import type { Writable } from 'node:stream';
import { loadDatabaseConfig } from '@newsflow/config';
import { SourcesRepository, connectMigrated } from '@newsflow/persistence';
import type { SourceEntity } from '@newsflow/persistence';
import { sourceSpec } from '@newsflow/sources';
import type { DataSource } from 'typeorm';

export interface SourcesArgs {
  action: string | undefined;
  target: string | undefined;
  kind?: string;
  name?: string;
  reason?: string;
  json?: boolean;
}

/** A mistake in how the command was called: the usage is printed with it. */
export class SourcesUsageError extends Error {}

/** The command on the fetcher's database (DATABASE_URL), brought up to date first. */
export async function sourcesCommand(args: SourcesArgs, out: Writable): Promise<number> {
  const dataSource = await connectMigrated(loadDatabaseConfig().url);
  try {
    return await runSources(dataSource, args, out);
  } finally {
    await dataSource.destroy();
  }
}

/**
 * `newsctl sources add|list|remove|disable|enable|reset`, against the fetcher's Postgres tables: the
 * fetchers pick a change up at their next claim, no restart needed. Returns the exit code: 1
 * when the named source does not exist.
 */
export async function runSources(
  dataSource: DataSource,
  args: SourcesArgs,
  out: Writable,
): Promise<number> {
  const sources = new SourcesRepository(dataSource);
  const print = (value: unknown) => out.write(`${JSON.stringify(value, null, 2)}\n`);
  const { action, target } = args;
  if (action === 'list') {
    const all = await sources.list();
    if (args.json) print(all.map(describe));
    else out.write(table(all));
    return 0;
  }
  if (!target) throw new SourcesUsageError(`sources ${action ?? ''} needs a URL or an id`.trim());
  switch (action ?? '') {
    case 'add': {
      const spec = sourceSpec(target, args.kind, args.name);
      const { added, source } = await sources.add({ ...spec, origin: 'cli' });
      print({ added, ...describe(source) });
      return 0;
    }
    case 'remove':
      return report(out, target, await sources.remove(target), 'removed');
    case 'disable':
      return report(out, target, await sources.setEnabled(target, false, args.reason), 'disabled');
    case 'enable':
      return report(out, target, await sources.setEnabled(target, true), 'enabled');
    case 'reset': {
      // A warc source is read again from its start; refused while a fetcher polls it.
      const reset = await sources.resetCursor(target);
      if (reset.status !== 'leased') return report(out, target, reset.status === 'reset', 'reset');
      out.write(
        `${target} is being polled (lease until ${reset.leaseUntil.toISOString()}); try again after\n`,
      );
      return 1;
    }
    default:
      throw new SourcesUsageError(`unknown sources action "${action ?? ''}"`);
  }
}

function report(out: Writable, target: string, done: boolean, verb: string): number {
  out.write(done ? `${verb} ${target}\n` : `no source ${target}\n`);
  return done ? 0 : 1;
}

/** What an operator needs to see of a source, in the order they read it. */
function describe(source: SourceEntity) {
  return {
    id: source.id,
    url: source.url,
    kind: source.kind,
    name: source.name,
    origin: source.origin,
    enabled: source.enabled,
    disabledReason: source.disabledReason,
    lastPolledAt: source.lastPolledAt?.toISOString() ?? null,
    lastOutcome: source.lastOutcome,
    lastError: source.lastError,
    nextPollAt: source.enabled ? source.nextPollAt.toISOString() : null,
    failureStreak: source.failureStreak,
    itemsPublished: source.itemsPublished,
    pagesRefused: source.pagesRefused,
    lastRefusal: source.lastRefusal,
    cursor: source.cursor ?? null,
  };
}

/** Where a warc source has got, for the table: `archive@offset`, `(complete)` once read. */
function cursorNote(source: SourceEntity): string | null {
  const cursor = source.cursor as {
    archive?: unknown;
    offset?: unknown;
    complete?: unknown;
  } | null;
  if (source.kind !== 'warc' || cursor === null || typeof cursor !== 'object') return null;
  const where = `${String(cursor.archive)}@${String(cursor.offset)}`;
  return cursor.complete === true ? `${where} (complete)` : where;
}

function table(sources: SourceEntity[]): string {
  if (sources.length === 0) return 'no sources\n';
  const rows = sources.map((source) => [
    source.id,
    source.name,
    source.kind,
    source.enabled ? 'yes' : 'no',
    source.lastOutcome ?? '-',
    String(source.itemsPublished),
    String(source.pagesRefused),
    source.enabled ? source.nextPollAt.toISOString() : '-',
    source.disabledReason ??
      source.lastError ??
      source.lastRefusal ??
      cursorNote(source) ??
      source.url,
  ]);
  const header = [
    'id',
    'name',
    'kind',
    'enabled',
    'last poll',
    'published',
    'refused',
    'next poll',
    'note',
  ];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) =>
        column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0),
      )
      .join('  ');
  return `${[header, ...rows].map(line).join('\n')}\n`;
}
