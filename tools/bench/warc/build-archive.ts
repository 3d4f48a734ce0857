/**
 * Writes a web archive (WARC) of real news pages, for `newsctl ingest` and the fetcher's `warc`
 * source: the extraction benchmark's 181 pages from ../shared (the repository's 39 when it is
 * absent), copied until there are `--pages` of them, each copy its own URL and article.
 *
 *   node dist/tools/bench/warc/build-archive.js /tmp/pages.warc.gz --pages 1086 --extras
 *   node dist/tools/bench/warc/build-archive.js /tmp/big.warc.gz --pages 6000     # about 1 GB
 *
 * --extras     a request, a metadata record, a PNG and a 404 page every 50 pages
 * --damaged    a gzip member cut in half after the first third
 * --truncated  the archive ends inside one more page's record
 * --plain      an uncompressed .warc
 */
import { parseArgs } from 'node:util';
import { writeArchive } from '@newsflow/testing';
import { loadNewsPages } from '../news-pages';

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      pages: { type: 'string', default: '1000' },
      extras: { type: 'boolean', default: false },
      damaged: { type: 'boolean', default: false },
      truncated: { type: 'boolean', default: false },
      plain: { type: 'boolean', default: false },
    },
  });
  const [out] = positionals;
  const count = Number(values.pages);
  if (!out || !Number.isInteger(count) || count < 1)
    throw new Error(
      'usage: build-archive <out.warc.gz> [--pages N] [--extras] [--damaged] [--truncated] [--plain]',
    );
  const startedAt = Date.now();
  const built = await writeArchive(out, loadNewsPages(), {
    count,
    gzip: !values.plain,
    extras: values.extras,
    damaged: values.damaged,
    truncatedEnd: values.truncated,
  });
  process.stdout.write(
    `${JSON.stringify({ path: built.path, pages: built.pages, megabytes: Math.round(built.bytes / 100_000) / 10, seconds: (Date.now() - startedAt) / 1000 })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
