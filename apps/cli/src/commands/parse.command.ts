import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ArticleFetchedV1, ArticleParsedV1, SourceRefV1 } from '@newsflow/contracts';
import { extractArticle } from '@newsflow/extraction';
import { savedPageToDocument } from '@newsflow/fetching';
import { articleIdFromContent, articleIdFromUrl } from '@newsflow/sources';

const CLI_SOURCE: SourceRefV1 = { id: 'cli', kind: 'folder', name: 'newsctl' };

export interface ParseFileOptions {
  /** Where the page came from (`--url`): resolves its links and gives the article its id. */
  url?: string;
  now?: Date;
}

/**
 * `newsctl parse <file> [--url <url>]`: a saved page (.html, .txt, .json) through the extractor,
 * its bytes decoded as the fetcher decodes them (BOM, `<meta charset>`, then sniffing).
 */
export async function parseFile(
  path: string,
  { url, now = new Date() }: ParseFileOptions = {},
): Promise<ArticleParsedV1> {
  const saved = savedPageToDocument(
    path,
    await readFile(path),
    { ...CLI_SOURCE, name: basename(path) },
    now,
  );
  const document = url === undefined ? saved : { ...saved, url, id: articleIdFromUrl(url) };
  return extractArticle(document, { now });
}

/** One `--jsonl` input line: `{"id","url","html"}` or `{"id","url","text"}`. */
export function parseRecord(record: unknown, now = new Date()): ArticleParsedV1 {
  if (typeof record !== 'object' || record === null)
    throw new Error('each line must be a JSON object');
  const { id, url, html, text } = record as Record<string, unknown>;
  const body = typeof html === 'string' ? html : typeof text === 'string' ? text : undefined;
  if (body === undefined) throw new Error('a line needs "html" or "text"');
  const address = typeof url === 'string' && url.length > 0 ? url : null;
  const document: ArticleFetchedV1 = {
    schemaVersion: 1,
    id:
      typeof id === 'string' && id.length > 0
        ? id
        : address
          ? articleIdFromUrl(address)
          : articleIdFromContent(body),
    source: CLI_SOURCE,
    url: address,
    fetchedAt: now.toISOString(),
    httpStatus: null,
    contentType: null,
    charset: 'utf-8',
    format: typeof html === 'string' ? 'html' : 'text',
    body,
  };
  return extractArticle(document, { now });
}
