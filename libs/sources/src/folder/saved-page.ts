import { extname } from 'node:path';
import type { ArticleFetchedV1, DocumentFormat, SourceRefV1 } from '@newsflow/contracts';
import { articleIdFromContent, articleIdFromUrl } from '../article-id';
import { decodeDocument } from '../decode';

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

/** The page's own address where it says so: canonical link or og:url in HTML, `url` in JSON. */
function findUrl(text: string, format: DocumentFormat): string | null {
  let candidate: string | undefined;
  if (format === 'html') {
    const head = text.slice(0, 200_000);
    candidate =
      attribute(head, /<link\b[^>]*\brel\s*=\s*["']?canonical["']?[^>]*>/i, 'href') ??
      attribute(head, /<meta\b[^>]*\bproperty\s*=\s*["']og:url["'][^>]*>/i, 'content');
  } else if (format === 'json') {
    try {
      const parsed: unknown = JSON.parse(text);
      const url = (parsed as { url?: unknown } | null)?.url;
      if (typeof url === 'string') candidate = url;
    } catch {
      // Not JSON after all: the parser will say so; the id falls back to the content.
    }
  }
  return candidate && isHttpUrl(candidate) ? candidate : null;
}

function attribute(html: string, tag: RegExp, name: string): string | undefined {
  const element = tag.exec(html)?.[0];
  if (!element) return undefined;
  const value = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(
    element,
  );
  return (value?.[1] ?? value?.[2] ?? value?.[3])?.trim();
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
