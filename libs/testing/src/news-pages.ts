import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { REPO_ROOT } from './kafka-broker';

/** A real news page of the extraction benchmark, as the fixtures keep it. */
export interface NewsPage {
  id: string;
  url: string;
  html: string;
}

const FIXTURES = resolve(REPO_ROOT, 'tests/fixtures/news-pages');

/**
 * The 39 real news pages in tests/fixtures/news-pages (MIT; see its ORIGIN.md), decompressed,
 * smallest first: real sizes (257 KB on average, the largest 1.49 MB) for the tests of real
 * traffic, without anything beside the repository.
 */
export function newsPages(): NewsPage[] {
  const index = JSON.parse(readFileSync(resolve(FIXTURES, 'pages.json'), 'utf8')) as {
    id: string;
    url: string;
  }[];
  return index.map(({ id, url }) => ({
    id,
    url,
    html: gunzipSync(readFileSync(resolve(FIXTURES, 'html', `${id}.html.gz`))).toString('utf8'),
  }));
}
