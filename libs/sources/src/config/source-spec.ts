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

/** A source as an operator names it: the URL, how to read it, and a name for people. */
export interface SourceSpec {
  id: string;
  /** Normalised (see normalizeUrl). */
  url: string;
  kind: SourceReading;
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
 * (the host by default).
 */
export function sourceSpec(url: string, kind: string = 'auto', name?: string): SourceSpec {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new SourceSpecError(`"${url}" is not an absolute URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new SourceSpecError(`"${url}" is not http or https`);
  }
  if (!(SOURCE_READINGS as readonly string[]).includes(kind)) {
    throw new SourceSpecError(`kind "${kind}" is not one of ${SOURCE_READINGS.join(', ')}`);
  }
  const normalized = normalizeUrl(parsed.toString());
  return {
    id: sourceIdFromUrl(normalized),
    url: normalized,
    kind: kind as SourceReading,
    name: name?.trim() || parsed.hostname,
  };
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
