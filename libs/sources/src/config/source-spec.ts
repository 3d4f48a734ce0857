import { pathToFileURL } from 'node:url';
import { articleIdFromUrl, normalizeUrl } from '../article-id';

/** How a source is read; `auto` tells a feed or a sitemap from a page by its body. */
export type SourceReading = 'auto' | 'feed' | 'sitemap' | 'url-list' | 'web';

export const SOURCE_READINGS: readonly SourceReading[] = [
  'auto',
  'feed',
  'sitemap',
  'url-list',
  'web',
];

/**
 * What a source is: a page or listing on the web, read one of the ways above, or `warc`, a web
 * archive (a WARC file, a folder of them, or one on the web) read as a stream from a cursor.
 */
export type SourceKind = SourceReading | 'warc';

export const SOURCE_KINDS: readonly SourceKind[] = [...SOURCE_READINGS, 'warc'];

/** A source as an operator names it: the URL, how to read it, and a name for people. */
export interface SourceSpec {
  id: string;
  /** Normalised (see normalizeUrl); `file:` only for a `warc` source. */
  url: string;
  kind: SourceKind;
  name: string;
}

/** A source's id: derived from its normalised URL, as an article's is. */
export function sourceIdFromUrl(url: string): string {
  return articleIdFromUrl(url);
}

export class SourceSpecError extends Error {
  override readonly name = 'SourceSpecError';
}

/**
 * Checks and completes what an operator gave: an absolute http(s) URL, a known kind (`auto`
 * by default: a feed or a sitemap is told from its body, anything else is one page), and a name
 * (the host by default). A `warc` source may also be a file or folder on the fetcher's machine,
 * as a `file:` URL or an absolute path (the fetcher's working directory is not the operator's,
 * so a relative path would name another file); its name is then the file's or folder's.
 */
export function sourceSpec(url: string, kind: string = 'auto', name?: string): SourceSpec {
  if (!(SOURCE_KINDS as readonly string[]).includes(kind)) {
    throw new SourceSpecError(`kind "${kind}" is not one of ${SOURCE_KINDS.join(', ')}`);
  }
  const warc = kind === 'warc';
  const given = url.trim();
  let parsed: URL;
  try {
    parsed = warc && given.startsWith('/') ? pathToFileURL(given) : new URL(given);
  } catch {
    throw new SourceSpecError(
      warc
        ? `"${url}" is not an absolute path, a file: URL or an http(s) URL`
        : `"${url}" is not an absolute URL`,
    );
  }
  const file = parsed.protocol === 'file:';
  if (file && !warc) {
    throw new SourceSpecError(`"${url}" is a file: only a warc source may be one (--kind warc)`);
  }
  if (file && parsed.host !== '' && parsed.host !== 'localhost') {
    throw new SourceSpecError(`"${url}" names another host's file: the fetcher reads its own`);
  }
  if (!file && parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new SourceSpecError(`"${url}" is not http or https`);
  }
  const normalized = normalizeUrl(parsed.toString());
  return {
    id: sourceIdFromUrl(normalized),
    url: normalized,
    kind: kind as SourceKind,
    name: name?.trim() || (file ? lastSegment(parsed) : parsed.hostname),
  };
}

/** A file's or folder's name, from its URL: `/data/cc-news/` is `cc-news`. */
function lastSegment(url: URL): string {
  const segments = url.pathname.split('/').filter((segment) => segment !== '');
  return decodeURIComponent(segments[segments.length - 1] ?? '/');
}

/**
 * The sources file the fetcher reads at start (FETCHER_SOURCES_FILE): JSON, either
 * `{"sources": [...]}` or the array alone, each entry `{"url", "kind"?, "name"?}`. Every bad
 * entry is reported in one error, with its position.
 */
export function readSourcesFile(text: string): SourceSpec[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new SourceSpecError(`not JSON: ${(error as Error).message}`);
  }
  const entries = Array.isArray(parsed)
    ? parsed
    : (parsed as { sources?: unknown } | null)?.sources;
  if (!Array.isArray(entries)) {
    throw new SourceSpecError('expected {"sources": [...]} or an array of sources');
  }
  const problems: string[] = [];
  const specs = entries.flatMap((entry: unknown, index) => {
    const { url, kind, name } = (entry ?? {}) as Record<string, unknown>;
    try {
      if (typeof url !== 'string') throw new SourceSpecError('"url" must be a string');
      if (kind !== undefined && typeof kind !== 'string') {
        throw new SourceSpecError('"kind" must be a string');
      }
      if (name !== undefined && typeof name !== 'string') {
        throw new SourceSpecError('"name" must be a string');
      }
      return [sourceSpec(url, kind, name)];
    } catch (error) {
      problems.push(`source ${index + 1}: ${(error as Error).message}`);
      return [];
    }
  });
  if (problems.length > 0) throw new SourceSpecError(problems.join('; '));
  return specs;
}
