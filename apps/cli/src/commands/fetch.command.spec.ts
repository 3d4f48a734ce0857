import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { fetchSettingsFrom, previewFetch } from './fetch.command';

describe('newsctl fetch --dry-run', () => {
  it('reads its settings from the environment, with defaults', () => {
    expect(fetchSettingsFrom({ FETCH_ALLOWED_NETWORKS: '127.0.0.0/8, ::1/128' })).toEqual({
      userAgent: 'NewsflowBot/0.1 (+https://github.com/newsflow/newsflow)',
      allowedNetworks: ['127.0.0.0/8', '::1/128'],
      minGapMs: 1_000,
      maxInFlightPerHost: 2,
      maxBytes: 5_000_000,
      timeoutMs: 30_000,
    });
    expect(() => fetchSettingsFrom({ FETCH_MIN_GAP_MS: 'soon' })).toThrow(
      'FETCH_MIN_GAP_MS="soon": must be an integer',
    );
  });

  it('prints one fetched-article line for a page, and refuses loopback unless allowed', async () => {
    const server = createServer((_request, response) => {
      response
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end('<html><body><p>Council approves the bridge.</p></body></html>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/news/bridge`;
    try {
      const allowed = new PassThrough();
      const settings = fetchSettingsFrom({ FETCH_ALLOWED_NETWORKS: '127.0.0.0/8' });
      expect(await previewFetch(url, settings, 5, allowed)).toBe(0);
      const [line] = String(allowed.read()).trim().split('\n');
      expect(JSON.parse(line ?? '{}')).toMatchObject({ url, format: 'html', httpStatus: 200 });

      const refused = new PassThrough();
      expect(await previewFetch(url, fetchSettingsFrom({}), 5, refused)).toBe(1);
      expect(JSON.parse(String(refused.read()))).toEqual({
        skipped: url,
        reason: expect.stringMatching(/^address: /) as string,
      });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
