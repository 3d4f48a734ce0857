import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AddressPolicy } from './address-policy';
import { FetchRefusedError } from './fetch-refused.error';
import { openArchiveStream } from './archive-stream';

const BYTES = Buffer.from('0123456789'.repeat(1000));

async function readAll(body: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

describe(openArchiveStream.name, () => {
  let server: Server;
  let base: string;
  let ranges: boolean;
  const seen: (string | undefined)[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      seen.push(request.headers.range);
      if (request.url === '/moved') {
        response.writeHead(302, { location: '/crawl.warc.gz' }).end();
        return;
      }
      const range = /^bytes=(\d+)-$/.exec(request.headers.range ?? '');
      if (ranges && range) {
        response.writeHead(206).end(BYTES.subarray(Number(range[1])));
        return;
      }
      response.writeHead(200).end(BYTES);
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((done) => server.close(done));
  });

  const options = {
    userAgent: 'NewsflowTest/1',
    policy: AddressPolicy.fromConfig(['127.0.0.0/8']),
  };

  it('streams the archive from a byte offset with a Range request, after a redirect', async () => {
    ranges = true;
    const body = await readAll(await openArchiveStream(`${base}/moved`, 1234, options));
    expect(body.equals(BYTES.subarray(1234))).toBe(true);
    expect(seen.slice(-2)).toEqual(['bytes=1234-', 'bytes=1234-']);
  });

  it('skips to the offset itself when the server ignores Range', async () => {
    ranges = false;
    const body = await readAll(await openArchiveStream(`${base}/crawl.warc.gz`, 5000, options));
    expect(body.equals(BYTES.subarray(5000))).toBe(true);
  });

  it('refuses a loopback address the policy does not open, before any request', async () => {
    const before = seen.length;
    await expect(
      openArchiveStream(`${base}/crawl.warc.gz`, 0, {
        ...options,
        policy: AddressPolicy.fromConfig([]),
      }),
    ).rejects.toBeInstanceOf(FetchRefusedError);
    expect(seen.length).toBe(before);
  });
});
