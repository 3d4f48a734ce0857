import { absoluteUrl, withoutBom } from './feed-text';

export interface UrlList {
  /** Absolute http(s) URLs, normalized, each once, in the order first listed. */
  urls: string[];
  /** Lines that are neither blank, a comment nor an http(s) URL, for the source to report. */
  rejected: { line: number; text: string }[];
}

/**
 * One URL per line. A line starting with `#` is a comment, and so is anything after
 * whitespace and `#` (URLs hold no whitespace, so a `#` inside one is still its fragment).
 */
export function readUrlList(body: string): UrlList {
  const urls = new Set<string>();
  const rejected: UrlList['rejected'] = [];
  withoutBom(body)
    .split(/\r?\n|\r/)
    .forEach((raw, index) => {
      const text = raw.replace(/(^|\s)#.*$/, '').trim();
      if (text === '') return;
      // Only absolute URLs count: a list has no address of its own to resolve against.
      const url =
        /^https?:\/\//i.test(text) && !/\s/.test(text) ? absoluteUrl(text, text) : undefined;
      if (url === undefined) rejected.push({ line: index + 1, text });
      else urls.add(url);
    });
  return { urls: [...urls], rejected };
}
