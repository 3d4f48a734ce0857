import { existsSync } from 'node:fs';
import { newsPages } from '@newsflow/testing';
import { DATASET_DIR, loadPages } from './extract/benchmark-dataset';

/**
 * The real pages a bench sends: the extraction benchmark's 181 from ../shared, or, where it is
 * absent, the repository's 39 (tests/fixtures/news-pages), saying so: the figures are then not
 * comparable with the README's.
 */
export function loadNewsPages(): { id: string; html: string; url: string }[] {
  if (existsSync(DATASET_DIR)) return loadPages();
  console.log(
    `${DATASET_DIR} is absent: using the 39 pages in tests/fixtures/news-pages instead (figures are not comparable with the README's)`,
  );
  return newsPages();
}
