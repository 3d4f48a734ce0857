import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { Topic, validate } from '@newsflow/contracts';
import { enrichRecord } from './enrich.command';
import { transformJsonLines } from './jsonl';
import { parseRecord } from './parse.command';

const SEED = resolve(__dirname, '../../../../tests/fixtures/seed/000_7e9030f28acf342c.txt');

async function run(lines: string[], transform: (record: unknown) => unknown) {
  const input = new PassThrough();
  const output = new PassThrough();
  const chunks: string[] = [];
  output.on('data', (b: Buffer) => chunks.push(b.toString()));
  input.end(lines.join('\n'));
  const failed = await transformJsonLines(input, output, transform);
  const results = chunks
    .join('')
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { failed, results };
}

describe(transformJsonLines.name, () => {
  it('parses one article per line and reports a bad line without stopping', async () => {
    const text = await readFile(SEED, 'utf8');
    const html =
      '<html><head><title>Short story</title></head><body><article><p>One paragraph of news about Lisbon, long enough to be a body.</p></article></body></html>';
    const { failed, results } = await run(
      [
        JSON.stringify({ id: 'seed', url: null, text }),
        '{not json',
        JSON.stringify({ id: 'html-1', url: 'https://example.com/a', html }),
      ],
      (record) => parseRecord(record),
    );
    expect(failed).toBe(1);
    expect(results).toHaveLength(3);
    expect(results[0]).toMatchObject({ id: 'seed', siteName: 'Sputnik International' });
    expect(validate(Topic.ArticleParsed, results[0]).ok).toBe(true);
    expect(results[1]).toMatchObject({ id: null, line: 2, error: { code: 'error' } });
    expect(results[2]).toMatchObject({ id: 'html-1', url: 'https://example.com/a' });
  });

  it('enriches parsed articles and bare texts line by line', async () => {
    const parsed = parseRecord({ id: 'seed', text: await readFile(SEED, 'utf8') });
    const { failed, results } = await run(
      [
        JSON.stringify(parsed),
        JSON.stringify({ id: 't1', text: 'Talks in Nairobi, Kenya, ended without a deal.' }),
      ],
      enrichRecord,
    );
    expect(failed).toBe(0);
    expect(validate(Topic.ArticleEnriched, results[0]).ok).toBe(true);
    expect((results[0]?.countries as { code: string }[]).map((c) => c.code).sort()).toEqual([
      'PS',
      'QA',
      'RU',
      'SY',
    ]);
    expect(results[1]).toMatchObject({
      id: 't1',
      countries: [expect.objectContaining({ code: 'KE' })],
    });
  });
});
