import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { exampleArticleFetched } from '@newsflow/contracts';
import type { ArticleFetchedV1 } from '@newsflow/contracts';

/**
 * The seed page and what the pipeline must make of it, from tests/fixtures/seed: a verbatim copy
 * of `shared/fixtures/seed`, kept in the repository so the specs pass on a clone with nothing
 * beside it.
 */
const SEED_FOLDER = resolve(__dirname, '../../../tests/fixtures/seed');
const SEED_PAGE = '000_7e9030f28acf342c.txt';

export interface SeedExpectations {
  exact: Record<string, string>;
  paragraphs_in_order_each_once: string[];
  body_must_not_contain: string[];
  images: { caption: string; credit: string }[];
}

/** The seed page as the folder reader would publish it. */
export function seedDocument(): ArticleFetchedV1 {
  return {
    ...structuredClone(exampleArticleFetched),
    id: SEED_PAGE.replace(/^\d+_|\.txt$/g, ''),
    url: null,
    format: 'text',
    body: readFileSync(resolve(SEED_FOLDER, SEED_PAGE), 'utf8'),
  };
}

export function seedExpectations(): SeedExpectations {
  return JSON.parse(
    readFileSync(resolve(SEED_FOLDER, 'expected.json'), 'utf8'),
  ) as SeedExpectations;
}
