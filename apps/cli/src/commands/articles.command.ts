import type { Writable } from 'node:stream';
import { Progress } from '../terminal/progress';
// The read API's wire types: the CLI reads the API over HTTP and never loads the database code.
import type {
  ArticleEnrichedV1,
  ArticlePage,
  ArticleSummary,
  ArticleWithHistory,
} from '@newsflow/contracts';

export const DEFAULT_API_URL = 'http://127.0.0.1:3000';

/** `--all` stops here, so a filter that matches the whole store does not run for hours. */
export const MAX_ARTICLES = 10_000;

/** A table row fits this many characters; the title takes what the other columns leave. */
export const TABLE_WIDTH = 100;

/** An API that accepts the connection but never answers should not hang a script. */
const REQUEST_TIMEOUT_MS = 30_000;

/** The command-line flag for each filter of `GET /articles`, and its query parameter. */
const FILTER_PARAMETERS = [
  ['country', 'country'],
  ['focus-country', 'focusCountry'],
  ['min-confidence', 'minConfidence'],
  ['topic', 'topic'],
  ['language', 'language'],
  ['source', 'source'],
  ['story', 'story'],
  ['published-from', 'publishedFrom'],
  ['published-to', 'publishedTo'],
  ['ingested-from', 'ingestedFrom'],
  ['ingested-to', 'ingestedTo'],
  ['q', 'q'],
  ['limit', 'limit'],
  ['cursor', 'cursor'],
] as const;

type FilterFlag = (typeof FILTER_PARAMETERS)[number][0];

export type ArticlesArgs = Partial<Record<FilterFlag, string>> & {
  /** `search` or `get`, then what follows it on the command line. */
  action: string | undefined;
  operands: string[];
  all?: boolean;
  json?: boolean;
};

/** Where the command writes, and the environment it reads NEWSFLOW_API_URL from. */
export interface ArticlesIo {
  out: Writable;
  err: Writable;
  env: NodeJS.ProcessEnv;
}

/** A mistake in how the command was called: the usage is printed with it. */
export class ArticlesUsageError extends Error {}

/** The API answered, but not with 2xx; `reasons` are its messages. */
class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly reasons: string[],
  ) {
    super(reasons.join('; '));
  }
}

/** The API could not be asked at all: nothing listens, a DNS failure, a timeout. */
class ApiUnreachable extends Error {}

/**
 * `newsctl articles search|get`, against the read API at NEWSFLOW_API_URL. Returns the exit
 * code: 2 when the API refuses the request (400, its reasons printed), 1 when it cannot be
 * reached or answers with another error.
 */
export async function articlesCommand(args: ArticlesArgs, io: ArticlesIo): Promise<number> {
  const base = apiBaseUrl(io.env.NEWSFLOW_API_URL);
  const client = new ApiClient(base);
  const { action, operands } = args;
  try {
    switch (action ?? '') {
      case 'search':
        if (operands.length > 0)
          throw new ArticlesUsageError(
            `articles search takes flags only; for full text use --q "${operands.join(' ')}"`,
          );
        return await search(client, args, io);
      case 'get': {
        const [id, ...rest] = operands;
        if (id === undefined || rest.length > 0)
          throw new ArticlesUsageError('articles get needs one article id');
        const response = await client.get<ArticleWithHistory>(`articles/${encodeURIComponent(id)}`);
        io.out.write(
          args.json ? `${JSON.stringify(response, null, 2)}\n` : formatArticle(response),
        );
        return 0;
      }
      case '':
        throw new ArticlesUsageError('articles needs an action: search or get');
      default:
        throw new ArticlesUsageError(`unknown articles action "${action}"`);
    }
  } catch (error) {
    if (error instanceof ApiError) {
      for (const reason of error.reasons) io.err.write(`newsctl: ${reason}\n`);
      return error.status === 400 ? 2 : 1;
    }
    if (error instanceof ApiUnreachable) {
      io.err.write(`newsctl: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

/**
 * One page, or with `--all` every page until the API says there is no more (at most
 * MAX_ARTICLES). JSON lines go out as each page arrives, so `| jq` or `| head` start at once;
 * the table waits for the last page, to size its columns over every row.
 */
async function search(client: ApiClient, args: ArticlesArgs, io: ArticlesIo): Promise<number> {
  const query = searchQuery(args);
  const table: ArticleSummary[] = [];
  let read = 0;
  // --all may read thousands: a bar on a terminal (to the bound, as the filter's count is not
  // known); nothing in a pipe or a log, where stderr keeps only the notes below.
  const progress =
    args.all && (io.err as { isTTY?: boolean }).isTTY
      ? new Progress(io.err, MAX_ARTICLES, 'articles (at most)')
      : undefined;
  let page: ArticlePage;
  // `newsctl ... --json | head` closes the pipe early: stop paging, quietly, instead of dying
  // of an unhandled EPIPE. Any other output error is thrown once paging has stopped.
  let outputError: NodeJS.ErrnoException | undefined;
  const onOutputError = (error: NodeJS.ErrnoException) => {
    outputError ??= error;
  };
  io.out.on('error', onOutputError);
  try {
    for (;;) {
      try {
        page = await client.get<ArticlePage>(`articles?${query.toString()}`);
      } catch (error) {
        // Part way through --all: keep what was read and say where to resume.
        const resume = query.get('cursor');
        if (read > 0 && resume !== null) {
          if (!args.json) io.out.write(formatTable(table, { nextCursor: resume, hasMore: true }));
          io.err.write(`newsctl: stopped after ${read} articles; resume with --cursor ${resume}\n`);
        }
        throw error;
      }
      let items = page.items;
      if (args.all && read + items.length > MAX_ARTICLES) {
        // Cut the page at the bound; the cursor then points after the last article printed.
        items = items.slice(0, MAX_ARTICLES - read);
        page = { items, nextCursor: items.at(-1)?.ingestSeq ?? page.nextCursor, hasMore: true };
      }
      read += items.length;
      for (const item of items) progress?.tick(JSON.stringify(item).length);
      if (outputError) break;
      if (args.json) for (const item of items) io.out.write(`${JSON.stringify(item)}\n`);
      else table.push(...items);
      if (!args.all || !page.hasMore || read >= MAX_ARTICLES || page.nextCursor === null) break;
      query.set('cursor', page.nextCursor);
    }
    progress?.finish();
    if (!args.json && !outputError) io.out.write(formatTable(table, page));
    // Notes go to stderr, so the JSON lines on stdout stay pure for jq.
    if (outputError) {
      if (outputError.code !== 'EPIPE') throw outputError;
    } else if (args.all && page.hasMore)
      io.err.write(
        `newsctl: stopped at ${MAX_ARTICLES} articles; continue with --cursor ${page.nextCursor}\n`,
      );
    else if (args.json && page.hasMore)
      io.err.write(`newsctl: there are more; continue with --cursor ${page.nextCursor}\n`);
    return 0;
  } finally {
    io.out.off('error', onOutputError);
  }
}

/**
 * The query string of `GET /articles` for the flags given. Values go as typed: the API checks
 * them and says what is wrong, so the CLI and the API cannot disagree on what is valid.
 */
export function searchQuery(args: Partial<Record<FilterFlag, string>>): URLSearchParams {
  const query = new URLSearchParams();
  for (const [flag, parameter] of FILTER_PARAMETERS) {
    const value = args[flag];
    if (value !== undefined) query.set(parameter, value);
  }
  return query;
}

/** NEWSFLOW_API_URL, or the default, with a trailing slash so paths resolve under any prefix. */
export function apiBaseUrl(setting: string | undefined): URL {
  const text = setting === undefined || setting.trim() === '' ? DEFAULT_API_URL : setting.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ArticlesUsageError(`NEWSFLOW_API_URL="${text}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ArticlesUsageError(`NEWSFLOW_API_URL="${text}" is not http or https`);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

/** GETs JSON from the API, turning its failures into ApiError and ApiUnreachable. */
class ApiClient {
  constructor(private readonly base: URL) {}

  async get<T>(path: string): Promise<T> {
    const url = new URL(path, this.base);
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      text = await response.text();
    } catch (error) {
      throw new ApiUnreachable(unreachableMessage(this.base, error));
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    if (!response.ok) throw new ApiError(response.status, reasonsOf(response, body));
    if (body === undefined)
      throw new ApiError(response.status, [`the API at ${url.href} did not answer with JSON`]);
    return body as T;
  }
}

function unreachableMessage(base: URL, error: unknown): string {
  const name = (error as { name?: unknown }).name;
  if (name === 'TimeoutError' || name === 'AbortError')
    return `the Newsflow API at ${base.href} did not answer within ${REQUEST_TIMEOUT_MS / 1000} s`;
  // fetch says only "fetch failed"; the reason (ECONNREFUSED, ENOTFOUND, ...) is in its cause.
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  const reason =
    typeof cause?.code === 'string'
      ? cause.code
      : typeof cause?.message === 'string'
        ? cause.message
        : error instanceof Error
          ? error.message
          : String(error);
  return (
    `cannot reach the Newsflow API at ${base.href} (${reason}): is it running? ` +
    'Set NEWSFLOW_API_URL to use another address.'
  );
}

/** Nest answers errors with `{ message: string | string[] }`; anything else gets the status. */
function reasonsOf(response: Response, body: unknown): string[] {
  const message = (body as { message?: unknown } | undefined)?.message;
  if (Array.isArray(message) && message.length > 0) return message.map(String);
  if (typeof message === 'string' && message !== '') return [message];
  return [`the API answered ${response.status} ${response.statusText}`.trim()];
}

/**
 * The articles as a table, one row each: ingest seq, publication day, language, countries
 * (the focus countries first in capitals, the ones only mentioned in lower case) and the title,
 * cut to fit `width`. The last line gives the cursor to continue from.
 */
export function formatTable(
  items: ArticleSummary[],
  page: Pick<ArticlePage, 'nextCursor' | 'hasMore'>,
  width = TABLE_WIDTH,
): string {
  const footer =
    `${items.length} ${items.length === 1 ? 'article' : 'articles'}, ` +
    `next cursor: ${page.nextCursor ?? '-'}, more: ${page.hasMore ? 'yes' : 'no'}\n`;
  if (items.length === 0) return `no articles\n${footer}`;
  const rows = items.map((item) => [
    item.ingestSeq,
    item.publishedAt?.slice(0, 10) ?? '-',
    item.language ?? '-',
    countriesCell(item.countries),
    oneLine(item.title),
  ]);
  const header = ['seq', 'published', 'lang', 'countries', 'title'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => length(row[column] ?? ''))),
  );
  // Countries share the row with the title: past 17 characters (six codes) they are cut.
  widths[3] = Math.min(widths[3] ?? 0, 17);
  const separator = '  ';
  const fixed = widths.slice(0, 4).reduce((sum, w) => sum + w + separator.length, 0);
  const titleWidth = Math.max(20, width - fixed);
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => {
        if (column === 4) return truncate(cell, titleWidth);
        const width = widths[column] ?? 0;
        const fitted = truncate(cell, width);
        const padding = ' '.repeat(width - length(fitted));
        // Sequence numbers right-aligned, so their digits line up.
        return column === 0 ? padding + fitted : fitted + padding;
      })
      .join(separator)
      .trimEnd();
  return `${[header, ...rows].map(line).join('\n')}\n${footer}`;
}

/** `RU (focus, 0.99)`, `SY (0.93)`, `PS`: the confidence when the enricher gave one. */
function countryWithNotes(country: ArticleEnrichedV1['countries'][number]): string {
  const notes = [
    ...(country.focus ? ['focus'] : []),
    ...(country.confidence !== undefined ? [country.confidence.toFixed(2)] : []),
  ];
  return notes.length > 0 ? `${country.code} (${notes.join(', ')})` : country.code;
}

/** `RU QA sy ps`: focus countries in capitals and first, then the ones only mentioned. */
export function countriesCell(countries: ArticleSummary['countries']): string {
  const focus = countries.filter((c) => c.focus).map((c) => c.code.toUpperCase());
  const mentioned = countries.filter((c) => !c.focus).map((c) => c.code.toLowerCase());
  return [...focus, ...mentioned].join(' ') || '-';
}

/** The article as a person reads it: the facts first, then the opening of the body. */
export function formatArticle({ article, stored, revisions }: ArticleWithHistory, paragraphs = 3) {
  const names = (kind: string) => {
    const found = article.entities.filter((e) => e.kind === kind).map((e) => e.name);
    return found.length > 0 ? found.join(', ') : '-';
  };
  const fields: [string, string][] = [
    ['id', article.id],
    ['url', article.url ?? '-'],
    ['published', article.publishedAt ?? '-'],
    ['source', `${article.source.name} (${article.source.kind}, ${article.source.id})`],
    ['language', article.language ?? '-'],
    [
      'story',
      article.storyId === undefined
        ? '-'
        : article.storyId === article.id
          ? `${article.storyId} (this article names it)`
          : `${article.storyId} (similarity ${article.storySimilarity?.toFixed(2)})`,
    ],
    [
      'countries',
      article.countries.length > 0 ? article.countries.map(countryWithNotes).join(', ') : '-',
    ],
    [
      'topics',
      article.topics.length > 0
        ? article.topics.map((t) => `${t.code} ${t.label} (${t.score.toFixed(2)})`).join(', ')
        : '-',
    ],
    ['people', names('person')],
    ['orgs', names('organisation')],
    ['places', names('place')],
    [
      'stored',
      `revision ${stored.revision} of ${revisions.length}, ingest seq ${stored.ingestSeq}, ` +
        `first ${stored.firstStoredAt}, last ${stored.lastStoredAt}`,
    ],
  ];
  const label = Math.max(...fields.map(([name]) => name.length));
  const lines = [oneLine(article.title), ''];
  for (const [name, value] of fields) lines.push(`${name.padEnd(label)}  ${value}`);
  lines.push('');
  if (article.lead) lines.push(article.lead.trim(), '');
  // Pages often repeat the lead as the first paragraph: print it once.
  const body =
    article.paragraphs[0]?.trim() === article.lead?.trim()
      ? article.paragraphs.slice(1)
      : article.paragraphs;
  for (const paragraph of body.slice(0, paragraphs))
    lines.push(truncate(paragraph.trim(), 400), '');
  const left = body.length - paragraphs;
  if (left > 0)
    lines.push(
      `[${left} more ${left === 1 ? 'paragraph' : 'paragraphs'}; ${article.wordCount} words in all]`,
    );
  else if (body.length === 0 && !article.lead) lines.push('[no body text]');
  return `${lines.join('\n').trimEnd()}\n`;
}

/** Titles can hold newlines and tabs, which would break the row. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Length in code points, so an emoji or a CJK supplement character counts once. */
function length(text: string): number {
  return Array.from(text).length;
}

/** Cut to `width` code points with an ellipsis, never splitting a surrogate pair. */
export function truncate(text: string, width: number): string {
  const chars = Array.from(text);
  if (chars.length <= width) return text;
  return `${chars.slice(0, Math.max(0, width - 1)).join('')}…`;
}
