import { extname } from 'node:path';
import type { ArticleFetchedV1, DocumentFormat, SourceRefV1 } from '@newsflow/contracts';
import { absoluteUrl, canonicalUrlOf, ogUrlOf, readPageAddress } from '@newsflow/extraction';
import { articleIdFromContent, articleIdFromUrl, decodeDocument } from '@newsflow/sources';

const FORMATS: Record<string, { format: DocumentFormat; contentType: string }> = {
  '.html': { format: 'html', contentType: 'text/html' },
  '.htm': { format: 'html', contentType: 'text/html' },
  '.txt': { format: 'text', contentType: 'text/plain' },
  '.json': { format: 'json', contentType: 'application/json' },
};

export const SAVED_PAGE_EXTENSIONS = Object.keys(FORMATS);

export function isSavedPage(path: string): boolean {
  return extname(path).toLowerCase() in FORMATS;
}

/** A saved file as the fetcher publishes it: decoded, with an id from its URL or its content. */
export function savedPageToDocument(
  path: string,
  bytes: Buffer,
  source: SourceRefV1,
  fetchedAt: Date,
): ArticleFetchedV1 {
  const kind = FORMATS[extname(path).toLowerCase()];
  if (!kind)
    throw new Error(`not a saved page: ${path} (expected ${SAVED_PAGE_EXTENSIONS.join(', ')})`);
  const { text, charset } = decodeDocument(bytes);
  const url = findUrl(text, kind.format);
  return {
    schemaVersion: 1,
    id: url ? articleIdFromUrl(url) : articleIdFromContent(text),
    source,
    url,
    fetchedAt: fetchedAt.toISOString(),
    httpStatus: null,
    contentType: `${kind.contentType}; charset=${charset}`,
    charset,
    format: kind.format,
    body: text,
  };
}

/**
 * The page's own address where it says so: in HTML its canonical link, else its og:url (read by
 * the extractor's readPageAddress, as the fetcher reads a fetched page's); in JSON its `url`. A
 * saved file has no URL to resolve against, so a relative address counts only under an absolute
 * `<base href>`.
 */
function findUrl(text: string, format: DocumentFormat): string | null {
  if (format === 'html') {
    const address = readPageAddress(text);
    return canonicalUrlOf(address, null) ?? ogUrlOf(address, null);
  }
  if (format !== 'json') return null;
  try {
    const parsed: unknown = JSON.parse(text);
    const url = (parsed as { url?: unknown } | null)?.url;
    return typeof url === 'string' ? absoluteUrl(url, null) : null;
  } catch {
    // Not JSON after all: the parser will say so; the id falls back to the content.
    return null;
  }
}
