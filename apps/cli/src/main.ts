#!/usr/bin/env node
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { transformJsonLines } from './commands/jsonl';

// Each command loads its own modules when it runs: `sources list` should not pay for building
// the enricher's gazetteer, nor `parse` for the Postgres driver.

const USAGE = `newsctl: the Newsflow command line

  newsctl parse <file> [--url <url>]
                                a saved page (.html, .txt, .json) -> parsed article JSON
  newsctl parse --jsonl         stdin lines {"id","url","html"|"text"} -> one article per line
  newsctl enrich <file|->       a parsed article (newsctl parse output) -> enriched article JSON
  newsctl enrich --jsonl        stdin lines: parsed articles or {"id","text"} -> one result per line
  newsctl ingest <folder>       publish a folder of saved pages to Kafka (KAFKA_BROKERS), a
                                file at a time; progress on stderr, a line per file that
                                could not be published (exit 1), a JSON summary on stdout
  newsctl ingest <archive.warc.gz|folder of archives|url> [--state-dir D] [--restart]
                                publish the HTML pages of web archives (WARC), streamed;
                                how far it got is kept in D (default
                                $XDG_STATE_HOME/newsctl), so a run stopped or killed
                                resumes there; --restart reads from the start; a line per
                                damaged or refused record (exit 1)
  newsctl fetch <url> --dry-run [--limit N] [--kind K]
                                what a feed, sitemap or page gives now, one JSON line each,
                                fetched as the fetcher would (its FETCH_* settings)
  newsctl sources add <url> [--kind auto|feed|sitemap|url-list|web|warc] [--name N]
                                a warc source: an http(s) URL, or an absolute path
                                (or file: URL) of a WARC file or folder on the fetcher
  newsctl sources list [--json]
  newsctl sources remove|enable <id|url>
  newsctl sources disable <id|url> [--reason R]
  newsctl sources reset <id|url>
                                a warc source's cursor forgotten: read again from its start
                                the fetcher's sources in Postgres (DATABASE_URL)
  newsctl articles search [--country CC] [--focus-country CC] [--min-confidence 0..1]
                          [--topic medtop:NNNNNNNN] [--language en] [--source ID] [--story ID]
                          [--published-from ISO] [--published-to ISO] [--ingested-from ISO]
                          [--ingested-to ISO]
                          [--q "text"] [--limit N] [--cursor C] [--all] [--json]
                                stored articles, in ingest order: a table (countries: FOCUS
                                in capitals, only mentioned in lower case) or, with --json,
                                one JSON line each; --all follows the cursor to the end
                                (at most 10,000 articles)
  newsctl articles get <id> [--json]
                                one article: its tags, entities, revisions and body
                                articles use the read API at NEWSFLOW_API_URL
                                (default http://127.0.0.1:3000); exit 2 when it refuses
                                the request, 1 when it cannot be reached
  newsctl lag [--group G] [--json]
                                each consumer group of the pipeline (KAFKA_GROUP_PREFIX-*),
                                or group G: per partition the committed offset, log end,
                                lag and the member reading it; each group's total lag
  newsctl dlq list [--topic T] [--reason CODE] [--json]
                                the dead letters, read to the end the topics have now
                                without moving any group: counts by topic and reason, then
                                one row per letter (at most 10,000 rows) with its id
                                <dlq topic>:<partition>:<offset> and whether it was replayed
  newsctl dlq show <id> [--json]
                                one letter, its original decoded (JSON pretty-printed, long
                                fields such as a page's html cut to a preview with their size)
  newsctl dlq replay <id...> | --reason CODE [--topic T] [--dry-run] [--again]
                                publish letters' originals (key, headers) to their topic
                                again, recorded on news.dead-letter.replayed.v1; a letter
                                whose original was truncated is refused, one replayed before
                                is skipped unless --again; at most 1,000 a run (run again for
                                the rest); a JSON summary on stdout
                                lag and dlq use the brokers at KAFKA_BROKERS; exit 1 when
                                they cannot be reached, or a letter is refused or not found
                                (T: an article topic or its .dlq; CODE: invalid-json,
                                schema-violation, unprocessable, retries-exhausted)

parse and enrich use the libraries alone: no broker, no database.`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      jsonl: { type: 'boolean', default: false },
      url: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      limit: { type: 'string' },
      kind: { type: 'string' },
      name: { type: 'string' },
      reason: { type: 'string' },
      json: { type: 'boolean', default: false },
      // newsctl articles search
      country: { type: 'string' },
      'focus-country': { type: 'string' },
      'min-confidence': { type: 'string' },
      topic: { type: 'string' },
      language: { type: 'string' },
      source: { type: 'string' },
      story: { type: 'string' },
      'published-from': { type: 'string' },
      'published-to': { type: 'string' },
      'ingested-from': { type: 'string' },
      'ingested-to': { type: 'string' },
      q: { type: 'string' },
      cursor: { type: 'string' },
      all: { type: 'boolean', default: false },
      // newsctl lag, newsctl dlq
      group: { type: 'string' },
      again: { type: 'boolean', default: false },
      // newsctl ingest of web archives
      'state-dir': { type: 'string' },
      restart: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, target, sourceTarget] = positionals;
  const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  if (values.help || !command) {
    process.stdout.write(`${USAGE}\n`);
    return command || values.help ? 0 : 2;
  }
  switch (command) {
    case 'parse': {
      const { parseFile, parseRecord } = await import('./commands/parse.command');
      if (values.jsonl)
        return (await transformJsonLines(process.stdin, process.stdout, (r) => parseRecord(r))) > 0
          ? 1
          : 0;
      if (!target) throw new UsageError('parse needs a file, or --jsonl');
      print(await parseFile(target, { url: values.url }));
      return 0;
    }
    case 'enrich': {
      const { enrichRecord } = await import('./commands/enrich.command');
      if (values.jsonl)
        return (await transformJsonLines(process.stdin, process.stdout, enrichRecord)) > 0 ? 1 : 0;
      if (!target) throw new UsageError('enrich needs a file (or - for stdin), or --jsonl');
      const text = target === '-' ? await readStdin() : await readFile(target, 'utf8');
      print(enrichRecord(JSON.parse(text)));
      return 0;
    }
    case 'ingest': {
      if (!target) throw new UsageError('ingest needs a folder, an archive or an archive URL');
      const { ingestWarc, isWarcTarget } = await import('./commands/ingest-warc.command');
      if (values.kind !== undefined && values.kind !== 'warc' && values.kind !== 'folder')
        throw new UsageError('ingest --kind takes warc or folder');
      if (await isWarcTarget(target, values.kind)) {
        const summary = await ingestWarc(target, process.stderr, {
          stateDir: values['state-dir'],
          restart: values.restart,
        });
        print(summary);
        return summary.refused > 0 ? 1 : 0;
      }
      const { ingestFolder } = await import('./commands/ingest.command');
      const summary = await ingestFolder(target, process.stderr);
      print(summary);
      return summary.failed.length > 0 ? 1 : 0;
    }
    case 'fetch': {
      if (!target) throw new UsageError('fetch needs a URL');
      // Publishing what is fetched is the fetcher service's job; the CLI only previews.
      if (!values['dry-run']) throw new UsageError('fetch runs with --dry-run only');
      const limit = values.limit === undefined ? 20 : Number(values.limit);
      if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit must be >= 1');
      const { fetchSettingsFrom, previewFetch, readingOf } = await import(
        './commands/fetch.command'
      );
      const kind = readingOf(target, values.kind);
      await previewFetch(target, fetchSettingsFrom(process.env), limit, process.stdout, kind);
      return 0;
    }
    case 'sources': {
      const { SourcesUsageError, sourcesCommand } = await import('./commands/sources.command');
      try {
        return await sourcesCommand(
          { ...values, action: target, target: sourceTarget },
          process.stdout,
        );
      } catch (error) {
        throw error instanceof SourcesUsageError ? new UsageError(error.message) : error;
      }
    }
    case 'articles': {
      const { ArticlesUsageError, articlesCommand } = await import('./commands/articles.command');
      try {
        return await articlesCommand(
          { ...values, action: target, operands: positionals.slice(2) },
          { out: process.stdout, err: process.stderr, env: process.env },
        );
      } catch (error) {
        throw error instanceof ArticlesUsageError ? new UsageError(error.message) : error;
      }
    }
    case 'lag': {
      if (target !== undefined) throw new UsageError('lag takes flags only: --group, --json');
      const { lagCommand } = await import('./commands/lag.command');
      return await lagCommand(
        { group: values.group, json: values.json },
        { out: process.stdout, err: process.stderr, env: process.env },
      );
    }
    case 'dlq': {
      const { DeadLettersUsageError, dlqCommand } = await import('./commands/dlq.command');
      try {
        return await dlqCommand(
          { ...values, action: target, operands: positionals.slice(2) },
          { out: process.stdout, err: process.stderr, env: process.env },
        );
      } catch (error) {
        throw error instanceof DeadLettersUsageError ? new UsageError(error.message) : error;
      }
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

class UsageError extends Error {}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A reader that stops early (`newsctl fetch ... | head -1`) closes the pipe: what is left to
 * print has nobody to read it, so the command ends quietly instead of with an EPIPE stack.
 */
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`newsctl: ${message}\n`);
    if (error instanceof UsageError) process.stderr.write(`\n${USAGE}\n`);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  },
);
