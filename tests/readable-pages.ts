import { extractArticle } from '@newsflow/extraction';
import { savedPageToDocument } from '@newsflow/fetching';
import type { NewsPage } from '@newsflow/testing';

/** Whether the extractor finds an article in the page (a few of the benchmark's have none). */
export function isReadable(page: NewsPage): boolean {
  const document = savedPageToDocument(
    `${page.id}.html`,
    Buffer.from(page.html),
    { id: 'folder:check', kind: 'folder', name: 'check' },
    new Date(),
  );
  try {
    extractArticle(document);
    return true;
  } catch {
    return false;
  }
}
