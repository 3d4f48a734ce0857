import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import iconv from 'iconv-lite';
import { AddressPolicy } from './address-policy';
import { FetchRefusedError } from './fetch-refused.error';
import { FetchError, MAX_RETRY_AFTER_MS, parseRetryAfter } from './fetch-error';
import { fetchDocument, type FetchOptions } from './http-fetch';

const UA = 'NewsflowBot/0.1 (+mailto:ops@example.org)';
const ETAG = '"feed-v1"';
const LAST_MODIFIED = 'Tue, 03 Mar 2026 10:00:00 GMT';
const RUSSIAN =
  'Правительство объявило о новых мерах поддержки экономики. Министр финансов заявил, что ' +
  'бюджет на следующий год будет сбалансирован, а инфляция останется под контролем.';
const JAPANESE =
  '政府は本日、新しい経済対策を発表しました。財務大臣は、来年度の予算は均衡が取れており、' +
  '物価上昇は管理下に置かれると述べました。';
const LIMIT = 64 * 1024;

/** Every decompressor fetchDocument makes, with the bytes it has put out. */
const mockInflaters: { stream: zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress; out: number }[] =
  [];

// The real decompressors, watched: a spec sees whether they stop once the body is refused.
jest.mock('node:zlib', () => {
  const actual = jest.requireActual<typeof import('node:zlib')>('node:zlib');
  const watched =
    <T extends zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress, O>(make: (options?: O) => T) =>
    (options?: O): T => {
      const entry = { stream: make(options), out: 0 };
      entry.stream.on('data', (chunk: Buffer) => (entry.out += chunk.length));
      mockInflaters.push(entry);
      return entry.stream;
    };
  return {
    ...actual,
    createGunzip: watched(actual.createGunzip),
    createInflate: watched(actual.createInflate),
    createBrotliDecompress: watched(actual.createBrotliDecompress),
  };
});
/** Zeros that inflate to 512 times LIMIT, each sent as a body of less than LIMIT. */
const BOMBS: Record<string, Buffer> = {};
const BOMB_BYTES = 512 * LIMIT;

function page(text: string, meta = ''): string {
  return `<!doctype html><html><head>${meta}<title>news</title></head><body><p>${text}</p></body></html>`;
}

/** Each route answers one scenario; `seen` keeps the request headers of every path asked. */
const seen = new Map<string, http.IncomingHttpHeaders>();
/** Resolves once the server-side socket of that path has closed: the client let go. */
const socketClosed = new Map<string, Promise<void>>();

const routes: Record<string, (req: http.IncomingMessage, res: http.ServerResponse) => void> = {
  '/gzip': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' });
    res.end(zlib.gzipSync(page('gzip ok')));
  },
  '/br': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'br' });
    res.end(zlib.brotliCompressSync(page('br ok')));
  },
  '/deflate': (_req, res) => {
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-encoding': 'deflate',
    });
    res.end(zlib.deflateSync(page('deflate ok')));
  },
  '/raw-deflate': (_req, res) => {
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-encoding': 'deflate',
    });
    res.end(zlib.deflateRawSync(page('raw-deflate ok')));
  },
  '/corrupt-gzip': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
    res.end(Buffer.from('this is not gzip at all, only text pretending'));
  },
  '/compress': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'compress' });
    res.end('whatever');
  },
  '/feed': (req, res) => {
    const fresh =
      req.headers['if-none-match'] === ETAG || req.headers['if-modified-since'] === LAST_MODIFIED;
    res.writeHead(fresh ? 304 : 200, {
      'content-type': 'application/rss+xml',
      etag: ETAG,
      'last-modified': LAST_MODIFIED,
    });
    res.end(fresh ? undefined : '<rss version="2.0"><channel></channel></rss>');
  },
  '/hop/1': (_req, res) => redirect(res, 302, '2'),
  '/hop/2': (_req, res) => redirect(res, 301, '/hop/3?x=1'),
  '/hop/3': (_req, res) => res.end('arrived'),
  '/loop/a': (_req, res) => redirect(res, 302, '/loop/b'),
  '/loop/b': (_req, res) => redirect(res, 307, '/loop/a'),
  '/slow': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.write('first bytes, then nothing');
  },
  '/endless': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    const chunk = Buffer.alloc(16 * 1024, 'a');
    const pump = (): void => {
      while (!res.destroyed && res.write(chunk));
      if (!res.destroyed) res.once('drain', pump);
    };
    pump();
  },
  '/bomb': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' });
    res.end(zlib.gzipSync(Buffer.alloc(LIMIT * 16, 'a')));
  },
  '/bomb/gzip': (_req, res) => bomb(res, 'gzip'),
  '/bomb/deflate': (_req, res) => bomb(res, 'deflate'),
  '/bomb/br': (_req, res) => bomb(res, 'br'),
  '/trickle': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    const timer = setInterval(() => res.write('.'), 20);
    res.once('close', () => clearInterval(timer));
  },
  '/large': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(Buffer.alloc(10 * LIMIT, 'a'));
  },
  '/large-gzip': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' });
    res.end(zlib.gzipSync(Buffer.alloc(10 * LIMIT, 'a')));
  },
  '/to-private': (_req, res) => redirect(res, 302, 'http://10.0.0.1/admin'),
  '/to-link-local-v6': (_req, res) => redirect(res, 302, 'http://[fe80::1]/'),
  '/to-unspecified': (_req, res) => redirect(res, 302, 'http://0.0.0.0/'),
  '/to-metadata-name': (_req, res) => redirect(res, 302, 'http://metadata.google.internal/'),
  '/busy': (_req, res) => {
    res.writeHead(429, { 'retry-after': '7' });
    res.end('slow down');
  },
  '/missing': (_req, res) => {
    res.writeHead(404);
    res.end();
  },
  '/to-metadata': (_req, res) => redirect(res, 302, 'http://169.254.169.254/latest/meta-data/'),
  '/cp1251/header': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=windows-1251' });
    res.end(iconv.encode(page(RUSSIAN), 'windows-1251'));
  },
  '/cp1251/meta': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(iconv.encode(page(RUSSIAN, '<meta charset="windows-1251">'), 'windows-1251'));
  },
  '/cp1251/none': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(iconv.encode(page(RUSSIAN), 'windows-1251'));
  },
  '/sjis/header': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=Shift_JIS' });
    res.end(iconv.encode(page(JAPANESE), 'Shift_JIS'));
  },
  '/sjis/meta': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    const meta = '<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">';
    res.end(iconv.encode(page(JAPANESE, meta), 'Shift_JIS'));
  },
  '/sjis/none': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(iconv.encode(page(JAPANESE), 'Shift_JIS'));
  },
};

function bomb(res: http.ServerResponse, coding: string): void {
  res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': coding });
  res.end(BOMBS[coding]);
}

function redirect(res: http.ServerResponse, status: number, location: string): void {
  res.writeHead(status, { location });
  res.end();
}

const server = http.createServer((req, res) => {
  const path = req.url ?? '/';
  seen.set(path, req.headers);
  socketClosed.set(path, new Promise((resolve) => req.socket.once('close', () => resolve())));
  const route = routes[path.replace(/\?.*$/, '')];
  if (route) return route(req, res);
  res.writeHead(500);
  res.end(`no route ${path}`);
});

let base = '';
const policy = AddressPolicy.fromConfig(['127.0.0.0/8']);
const options: FetchOptions = { userAgent: UA, policy, maxBytes: LIMIT };

beforeAll(async () => {
  const zeros = Buffer.alloc(BOMB_BYTES);
  BOMBS.gzip = zlib.gzipSync(zeros);
  BOMBS.deflate = zlib.deflateSync(zeros);
  BOMBS.br = zlib.brotliCompressSync(zeros, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1 },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function clientLetGo(path: string): Promise<void> {
  const closed = socketClosed.get(path);
  if (closed === undefined) throw new Error(`${path} was never requested`);
  return closed;
}

/** Resolves when `stream` has closed, or after `ms` if it does not. */
async function closedWithin(stream: NodeJS.EventEmitter & { closed: boolean }, ms: number) {
  let timer: NodeJS.Timeout | undefined;
  await new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
    if (stream.closed) resolve();
    stream.once('close', () => resolve());
  });
  clearTimeout(timer);
}

async function failure(attempt: Promise<unknown>): Promise<FetchError> {
  const error = await attempt.then(
    () => new Error('expected the fetch to fail'),
    (reason: unknown) => reason,
  );
  if (error instanceof FetchError) return error;
  throw error;
}

async function refusal(attempt: Promise<unknown>): Promise<FetchRefusedError> {
  const error = await attempt.then(
    () => new Error('expected the fetch to be refused'),
    (reason: unknown) => reason,
  );
  if (error instanceof FetchRefusedError) return error;
  throw error;
}

describe(fetchDocument.name, () => {
  it.each([
    ['gzip', 'gzip ok'],
    ['br', 'br ok'],
    ['deflate', 'deflate ok'],
    ['raw-deflate', 'raw-deflate ok'],
  ])('decompresses a %s body and says who is asking', async (coding, text) => {
    const result = await fetchDocument(`${base}/${coding}`, options);
    expect(result).toEqual({
      kind: 'ok',
      url: `${base}/${coding}`,
      status: 200,
      headers: { contentType: 'text/html; charset=utf-8', etag: null, lastModified: null },
      body: page(text),
      charset: 'utf-8',
      bytes: Buffer.byteLength(page(text)),
    });
    expect(seen.get(`/${coding}`)).toMatchObject({
      'user-agent': UA,
      'accept-encoding': 'gzip, deflate, br',
    });
  });

  it.each([
    ['/corrupt-gzip', 'gzip body does not decompress'],
    ['/compress', 'unsupported Content-Encoding compress'],
  ])('reports %s as a content-encoding failure', async (path, message) => {
    const error = await fetchDocument(`${base}${path}`, options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FetchError);
    expect([(error as FetchError).code, (error as FetchError).message]).toEqual([
      'content-encoding',
      `${base}${path}: ${message}`,
    ]);
  });

  it('returns the validators, and a 304 when either of them still matches', async () => {
    const first = await fetchDocument(`${base}/feed`, options);
    expect(first).toMatchObject({
      kind: 'ok',
      headers: { contentType: 'application/rss+xml', etag: ETAG, lastModified: LAST_MODIFIED },
    });
    expect(seen.get('/feed')?.['if-none-match']).toBeUndefined();

    await expect(fetchDocument(`${base}/feed`, { ...options, etag: ETAG })).resolves.toEqual({
      kind: 'not-modified',
      url: `${base}/feed`,
    });
    expect(seen.get('/feed')?.['if-none-match']).toBe(ETAG);

    await expect(
      fetchDocument(`${base}/feed`, { ...options, lastModified: LAST_MODIFIED }),
    ).resolves.toEqual({ kind: 'not-modified', url: `${base}/feed` });
    expect(seen.get('/feed')?.['if-modified-since']).toBe(LAST_MODIFIED);
  });

  it('follows relative redirects and returns the final URL', async () => {
    const result = await fetchDocument(`${base}/hop/1`, options);
    expect(result).toMatchObject({ kind: 'ok', url: `${base}/hop/3?x=1`, body: 'arrived' });
  });

  it('stops at the redirect limit', async () => {
    const error = await failure(fetchDocument(`${base}/hop/1`, { ...options, maxRedirects: 1 }));
    expect(error.code).toBe('too-many-redirects');
    expect(error.message).toBe(`${base}/hop/2: more than 1 redirects`);
  });

  it('stops at a redirect loop', async () => {
    const error = await failure(fetchDocument(`${base}/loop/a`, options));
    expect(error.code).toBe('too-many-redirects');
    expect(error.message).toBe(`${base}/loop/b: redirect loop back to ${base}/loop/a`);
  });

  it('gives up on a server that stalls, and closes the connection', async () => {
    const error = await failure(fetchDocument(`${base}/slow`, { ...options, totalTimeoutMs: 150 }));
    expect(error.code).toBe('timeout');
    expect(error.message).toBe(`${base}/slow: not fetched within 150 ms`);
    await clientLetGo('/slow');
  });

  it('gives up when no connection opens in time', async () => {
    const neverAnswers = (): Promise<never> => new Promise(() => undefined);
    const error = await failure(
      fetchDocument('http://tarpit.test/', {
        ...options,
        connectTimeoutMs: 50,
        resolve: neverAnswers,
      }),
    );
    expect(error.code).toBe('timeout');
    expect(error.message).toBe('http://tarpit.test/: no connection within 50 ms');
  });

  it('stops reading a body that streams past maxBytes', async () => {
    const error = await failure(fetchDocument(`${base}/endless`, options));
    expect(error.code).toBe('too-large');
    expect(error.message).toBe(`${base}/endless: body as sent exceeds ${LIMIT} bytes`);
    await clientLetGo('/endless');
  });

  it('stops inflating a small body that decompresses past maxBytes', async () => {
    const error = await failure(fetchDocument(`${base}/bomb`, options));
    expect(error.code).toBe('too-large');
    expect(error.message).toBe(`${base}/bomb: body decompressed exceeds ${LIMIT} bytes`);
  });

  describe('when a compressed body passes maxBytes', () => {
    beforeEach(() => (mockInflaters.length = 0));

    it.each(['gzip', 'deflate', 'br'])(
      'destroys the %s decompressor when it refuses the bomb, so inflating stops there',
      async (coding) => {
        const error = await failure(fetchDocument(`${base}/bomb/${coding}`, options));
        expect(error.code).toBe('too-large');

        const [inflater] = mockInflaters;
        if (inflater === undefined) throw new Error('no decompressor was made');
        // Left running, it would inflate all 32 MiB; destroyed, it closes within a chunk or two.
        await closedWithin(inflater.stream, 1_000);
        expect(inflater.stream.destroyed).toBe(true);
        expect(inflater.out).toBeLessThan(BOMB_BYTES / 8);
      },
    );
  });

  describe('with truncate', () => {
    const truncating: FetchOptions = { ...options, truncate: true };

    it.each(['/large', '/large-gzip'])(
      'keeps the first maxBytes of %s and stops reading',
      async (path) => {
        const result = await fetchDocument(`${base}${path}`, truncating);
        expect(result).toMatchObject({ kind: 'ok', bytes: LIMIT, body: 'a'.repeat(LIMIT) });
      },
    );

    it('keeps a body of maxBytes whole', async () => {
      const result = await fetchDocument(`${base}/large`, { ...truncating, maxBytes: 10 * LIMIT });
      expect(result).toMatchObject({ kind: 'ok', bytes: 10 * LIMIT });
    });

    it('stops an endless body at maxBytes and lets go of the connection', async () => {
      const result = await fetchDocument(`${base}/endless`, truncating);
      expect(result).toMatchObject({ kind: 'ok', bytes: LIMIT });
      await clientLetGo('/endless');
    });

    it('stops inflating a bomb at maxBytes', async () => {
      const result = await fetchDocument(`${base}/bomb/br`, truncating);
      expect(result).toMatchObject({ kind: 'ok', bytes: LIMIT });
    });
  });

  it('gives up on a server that sends a byte at a time, at the total timeout', async () => {
    const error = await failure(
      fetchDocument(`${base}/trickle`, { ...options, totalTimeoutMs: 300 }),
    );
    expect(error.code).toBe('timeout');
    expect(error.message).toBe(`${base}/trickle: not fetched within 300 ms`);
    await clientLetGo('/trickle');
  });

  describe('eachHop', () => {
    it('runs the request of every hop, redirects included, in order', async () => {
      const hops: string[] = [];
      const result = await fetchDocument(`${base}/hop/1`, {
        ...options,
        eachHop: (url, request) => {
          hops.push(url);
          return request();
        },
      });
      expect(result).toMatchObject({ kind: 'ok', body: 'arrived' });
      expect(hops).toEqual([`${base}/hop/1`, `${base}/hop/2`, `${base}/hop/3?x=1`]);
    });

    it('refuses a redirect it throws for, without requesting it', async () => {
      seen.delete('/hop/2');
      const refused = new FetchRefusedError('robots', `${base}/hop/2`, 'disallowed by robots.txt');
      const error = await refusal(
        fetchDocument(`${base}/hop/1`, {
          ...options,
          eachHop: (url, request) => (url.endsWith('/hop/2') ? Promise.reject(refused) : request()),
        }),
      );
      expect(error).toBe(refused);
      expect(seen.has('/hop/2')).toBe(false);
    });

    it('does not count the time a hop waits there against the total timeout', async () => {
      const result = await fetchDocument(`${base}/hop/1`, {
        ...options,
        totalTimeoutMs: 1_000,
        eachHop: async (_url, request) => {
          await new Promise((resolve) => setTimeout(resolve, 400));
          return request();
        },
      });
      expect(result).toMatchObject({ kind: 'ok', body: 'arrived' });
    });
  });

  it('reports 429 with the wait asked in Retry-After', async () => {
    const error = await failure(fetchDocument(`${base}/busy`, options));
    expect(error).toMatchObject({ code: 'http-status', status: 429, retryAfterMs: 7000 });
    expect(error.message).toBe(`${base}/busy: HTTP 429`);
  });

  it('reports other statuses without a wait', async () => {
    const error = await failure(fetchDocument(`${base}/missing`, options));
    expect(error).toMatchObject({ code: 'http-status', status: 404, retryAfterMs: undefined });
  });

  it('reports a refused connection as a network failure', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));

    const error = await failure(fetchDocument(`http://127.0.0.1:${port}/`, options));
    expect(error.code).toBe('network');
    expect(error.message).toBe(`http://127.0.0.1:${port}/: connect ECONNREFUSED 127.0.0.1:${port}`);
  });

  it.each([
    ['windows-1251', 'declared in the header', '/cp1251/header', RUSSIAN],
    ['windows-1251', 'declared in a meta tag', '/cp1251/meta', RUSSIAN],
    ['windows-1251', 'not declared', '/cp1251/none', RUSSIAN],
    ['shift_jis', 'declared in the header', '/sjis/header', JAPANESE],
    ['shift_jis', 'declared in a meta tag', '/sjis/meta', JAPANESE],
    ['shift_jis', 'not declared', '/sjis/none', JAPANESE],
  ])('decodes %s %s', async (charset, _how, path, text) => {
    const result = await fetchDocument(`${base}${path}`, options);
    expect(result).toMatchObject({ kind: 'ok', charset });
    expect(result.kind === 'ok' && result.body.includes(`<p>${text}</p>`)).toBe(true);
  });

  describe('with addresses outside the allowed networks', () => {
    it.each([
      ['http://10.0.0.1/', '10.0.0.1 is a private address'],
      ['http://169.254.169.254/latest/meta-data/', '169.254.169.254 is a linkLocal address'],
    ])('refuses %s', async (url, reason) => {
      const error = await refusal(fetchDocument(url, options));
      expect(error).toMatchObject({ code: 'address', target: url, reason });
    });

    it('refuses a redirect to the metadata address', async () => {
      const error = await refusal(fetchDocument(`${base}/to-metadata`, options));
      expect(error).toMatchObject({
        code: 'address',
        target: 'http://169.254.169.254/latest/meta-data/',
        reason: '169.254.169.254 is a linkLocal address',
      });
    });

    it.each([
      ['/to-private', 'http://10.0.0.1/admin', 'address', '10.0.0.1 is a private address'],
      ['/to-link-local-v6', 'http://[fe80::1]/', 'address', 'fe80::1 is a linkLocal address'],
      ['/to-unspecified', 'http://0.0.0.0/', 'address', '0.0.0.0 is a unspecified address'],
      [
        '/to-metadata-name',
        'http://metadata.google.internal/',
        'host',
        'metadata.google.internal is a cloud metadata service',
      ],
    ])('refuses the redirect of %s to %s', async (path, target, code, reason) => {
      const error = await refusal(fetchDocument(`${base}${path}`, options));
      expect(error).toMatchObject({ code, target, reason });
    });

    it.each([
      ['a private address', [{ address: '10.0.0.1', family: 4 }]],
      [
        'a public address first and a private one second',
        [
          { address: '93.184.216.34', family: 4 },
          { address: '10.0.0.1', family: 4 },
        ],
      ],
    ])('refuses a host name that resolves to %s', async (_case, addresses) => {
      const resolve = jest.fn().mockResolvedValue(addresses);
      const error = await refusal(fetchDocument('http://rebind.test/', { ...options, resolve }));
      expect(error).toMatchObject({
        code: 'address',
        target: 'rebind.test',
        reason: '10.0.0.1 is a private address',
      });
      expect(resolve).toHaveBeenCalledWith('rebind.test');
    });

    it('connects to a host name that resolves to an allowed address', async () => {
      const port = (server.address() as AddressInfo).port;
      const resolve = jest.fn().mockResolvedValue([{ address: '127.0.0.1', family: 4 }]);
      const result = await fetchDocument(`http://news.test:${port}/hop/3`, {
        ...options,
        resolve,
      });
      expect(result).toMatchObject({ kind: 'ok', body: 'arrived' });
      expect(seen.get('/hop/3')?.host).toBe(`news.test:${port}`);
    });
  });
});

describe(parseRetryAfter.name, () => {
  const now = Date.parse('2026-03-03T10:00:00Z');

  it.each([
    ['7', 7000],
    [' 120 ', 120_000],
    ['Tue, 03 Mar 2026 10:00:30 GMT', 30_000],
    ['Tuesday, 03-Mar-26 10:01:00 GMT', 60_000],
    ['Tue, 03 Mar 2026 09:00:00 GMT', 0],
  ])('reads %j as %d ms', (value, ms) => {
    expect(parseRetryAfter(value, now)).toBe(ms);
  });

  it.each([undefined, '', '7.5', '-3', 'soon', 'Fri, 99 Foo 99999 99:99:99 GMT'])(
    'ignores %j',
    (value) => {
      expect(parseRetryAfter(value, now)).toBeUndefined();
    },
  );

  it.each([
    ['a day less a second', '86399', 86_399_000],
    ['a day', '86400', MAX_RETRY_AFTER_MS],
    ['a day and a second', '86401', MAX_RETRY_AFTER_MS],
    ['100 years', '3153600000', MAX_RETRY_AFTER_MS],
    ['a number past any date', '9'.repeat(400), MAX_RETRY_AFTER_MS],
    ['a date in the year 9999', 'Fri, 31 Dec 9999 23:59:59 GMT', MAX_RETRY_AFTER_MS],
    ['a date a day and a second away', 'Wed, 04 Mar 2026 10:00:01 GMT', MAX_RETRY_AFTER_MS],
  ])('waits at most a day: %s (%s) gives %d ms', (_case, value, ms) => {
    const wait = parseRetryAfter(value, now);
    expect(wait).toBe(ms);
    expect(new Date(now + (wait ?? 0)).getTime()).not.toBeNaN();
  });
});
