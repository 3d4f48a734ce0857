import iconv from 'iconv-lite';
import type { SourceRefV1 } from '@newsflow/contracts';
import { Topic, validate } from '@newsflow/contracts';
import { articleIdFromUrl } from '@newsflow/sources';
import { warcResponseToMessage } from './warc-page';
import type { WarcResponse } from './warc-page';

const SOURCE: SourceRefV1 = { id: 'warc:crawl', kind: 'warc', name: 'crawl' };
const PAGE = '<!doctype html><html><head><title>Café</title></head><body><p>Text</p></body></html>';

function response(overrides: Partial<WarcResponse> = {}): WarcResponse {
  return {
    targetUri: 'https://news.example/a?utm_source=x',
    warcDate: '2024-03-01T10:00:00Z',
    status: 200,
    contentType: 'text/html; charset=utf-8',
    payload: Buffer.from(PAGE),
    ...overrides,
  };
}

describe(warcResponseToMessage.name, () => {
  it('makes the fetched-article message of the page: URL, fetch date and status from the record', () => {
    const result = warcResponseToMessage(response(), SOURCE);
    expect(result.kind).toBe('page');
    if (result.kind !== 'page') return;
    expect(result.message).toMatchObject({
      url: 'https://news.example/a?utm_source=x',
      fetchedAt: '2024-03-01T10:00:00.000Z',
      httpStatus: 200,
      contentType: 'text/html; charset=utf-8',
      charset: 'utf-8',
      format: 'html',
      body: PAGE,
      source: SOURCE,
      id: articleIdFromUrl('https://news.example/a?utm_source=x'),
    });
    expect(validate(Topic.ArticleFetched, result.message)).toMatchObject({ ok: true });
  });

  it('decodes with the recorded header charset first, then the page meta', () => {
    const latin = iconv.encode(PAGE, 'windows-1252');
    const byHeader = warcResponseToMessage(
      response({ contentType: 'text/html; charset=windows-1252', payload: latin }),
      SOURCE,
    );
    const byMeta = warcResponseToMessage(
      response({
        contentType: 'text/html',
        payload: iconv.encode(
          PAGE.replace('<head>', '<head><meta charset="iso-8859-1">'),
          'latin1',
        ),
      }),
      SOURCE,
    );
    expect(byHeader).toMatchObject({ message: { charset: 'windows-1252', body: PAGE } });
    expect(byMeta).toMatchObject({ message: { charset: 'windows-1252' } });
    expect(byMeta.kind === 'page' && byMeta.message.body.includes('Café')).toBe(true);
  });

  it('takes the id from the page canonical link, as a fetched page does', () => {
    const page = PAGE.replace(
      '<head>',
      '<head><link rel="canonical" href="https://news.example/story">',
    );
    const result = warcResponseToMessage(response({ payload: Buffer.from(page) }), SOURCE);
    expect(result).toMatchObject({
      message: { id: articleIdFromUrl('https://news.example/story') },
    });
  });

  it.each([
    [{ contentType: 'image/png' }, 'not-html: image/png'],
    [{ contentType: 'application/pdf' }, 'not-html: application/pdf'],
    [{ status: 404 }, 'http-status: 404'],
    [{ status: 301 }, 'http-status: 301'],
    [{ status: null }, 'http-status: null'],
    [{ targetUri: 'dns:news.example' }, 'no-url: target URI dns:news.example'],
    [{ targetUri: null }, 'no-url: target URI null'],
    [{ warcDate: 'yesterday' }, 'no-date: WARC-Date yesterday'],
  ])('skips %j: %s', (overrides, reason) => {
    expect(warcResponseToMessage(response(overrides), SOURCE)).toEqual({ kind: 'skipped', reason });
  });

  it('reads a page without a Content-Type when it starts like HTML, and skips other bytes', () => {
    expect(warcResponseToMessage(response({ contentType: null }), SOURCE).kind).toBe('page');
    expect(
      warcResponseToMessage(
        response({ contentType: null, payload: Buffer.from('%PDF-1.7') }),
        SOURCE,
      ),
    ).toEqual({ kind: 'skipped', reason: 'not-html: no content type' });
  });

  it('reads XHTML as a page', () => {
    expect(
      warcResponseToMessage(response({ contentType: 'application/xhtml+xml' }), SOURCE).kind,
    ).toBe('page');
  });
});
