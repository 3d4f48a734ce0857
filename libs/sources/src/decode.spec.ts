import { randomBytes } from 'node:crypto';
import { detect } from 'chardet';
import iconv from 'iconv-lite';
import { MAX_SNIFF_BYTES, charsetFromContentType, decodeDocument } from './decode';

// The real sniffer, watched: the specs see how many bytes it is given.
jest.mock('chardet', () => {
  const actual = jest.requireActual<typeof import('chardet')>('chardet');
  return { ...actual, detect: jest.fn(actual.detect) };
});

describe(decodeDocument.name, () => {
  // Curly quotes, an en dash and the euro sign: the bytes 0x80-0x9F that latin1 gets wrong.
  const text = '\u201cPrices\u201d rose \u2013 to \u20ac5 a caf\u00e9';
  const cp1252 = iconv.encode(text, 'windows-1252');

  it('reads windows-1252 declared in the HTTP header', () => {
    expect(decodeDocument(cp1252, 'text/html; charset=windows-1252')).toEqual({
      text,
      charset: 'windows-1252',
    });
  });

  it('reads a latin1 declaration as windows-1252, as browsers do', () => {
    expect(decodeDocument(cp1252, 'text/html; charset=ISO-8859-1').text).toBe(text);
  });

  it('reads the charset from a meta tag', () => {
    const html = Buffer.concat([
      Buffer.from('<html><head><meta charset="windows-1252"></head><body>'),
      cp1252,
      Buffer.from('</body></html>'),
    ]);
    const decoded = decodeDocument(html);
    expect(decoded.charset).toBe('windows-1252');
    expect(decoded.text).toContain(text);
  });

  it('reads http-equiv content-type declarations', () => {
    const html = Buffer.concat([
      Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'),
      cp1252,
    ]);
    expect(decodeDocument(html).text).toContain(text);
  });

  it('trusts a byte-order mark over any declaration', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    expect(decodeDocument(bytes, 'text/html; charset=windows-1252')).toEqual({
      text,
      charset: 'utf-8',
    });
  });

  it('takes undeclared valid UTF-8 as UTF-8', () => {
    expect(decodeDocument(Buffer.from(text, 'utf8'))).toEqual({ text, charset: 'utf-8' });
  });

  it('sniffs undeclared bytes that are not UTF-8', () => {
    const long = iconv.encode(
      `${text}. ${text}. Le caf\u00e9 \u00e9tait ferm\u00e9 \u00e0 No\u00ebl.`,
      'windows-1252',
    );
    const decoded = decodeDocument(long);
    expect(decoded.text).toContain(text);
  });

  it("reads the charset from a feed's XML declaration", () => {
    const title = 'Новости дня: Россия и Катар';
    const feed = Buffer.concat([
      Buffer.from('<?xml version="1.0" encoding="windows-1251"?><rss><channel><title>'),
      iconv.encode(title, 'windows-1251'),
      Buffer.from('</title></channel></rss>'),
    ]);
    const decoded = decodeDocument(feed, 'application/rss+xml');
    expect({ charset: decoded.charset, hasTitle: decoded.text.includes(title) }).toEqual({
      charset: 'windows-1251',
      hasTitle: true,
    });
  });

  describe('with labels browsers refuse', () => {
    const utf7 = Buffer.from('<p>+ADw-script+AD4-alert(1)+ADw-/script+AD4-</p>');

    it.each([
      ['the HTTP header', utf7, 'text/html; charset=utf-7'],
      ['a meta tag', Buffer.concat([Buffer.from('<meta charset="UTF-7">'), utf7]), 'text/html'],
    ])('ignores UTF-7 declared in %s, so +ADw- stays text', (_where, bytes, contentType) => {
      const decoded = decodeDocument(bytes, contentType);
      expect(decoded.charset).toBe('utf-8');
      expect(decoded.text).toContain('+ADw-script+AD4-');
      expect(decoded.text).not.toContain('<script>');
    });

    it.each(['iso-2022-kr', 'hz-gb-2312', 'iso-2022-cn', 'replacement'])(
      'reads a page declared %s as one U+FFFD, as the Encoding Standard says',
      (label) => {
        const bytes = Buffer.from('\x1b$)C<p>\x0e\x21\x21\x0f</p>', 'latin1');
        expect(decodeDocument(bytes, `text/html; charset=${label}`)).toEqual({
          text: '\uFFFD',
          charset: 'replacement',
        });
      },
    );

    it('reads a UTF-16 meta declaration as UTF-8: bytes that read as ASCII are not UTF-16', () => {
      const bytes = Buffer.from('<meta charset="utf-16"><p>caf\u00e9</p>', 'utf8');
      expect(decodeDocument(bytes, 'text/html')).toEqual({
        text: '<meta charset="utf-16"><p>caf\u00e9</p>',
        charset: 'utf-8',
      });
    });

    it('reads x-user-defined bytes past ASCII as private-use characters', () => {
      expect(
        decodeDocument(Buffer.from([0x41, 0x80, 0xff]), 'text/plain; charset=x-user-defined'),
      ).toEqual({
        text: 'A\uf780\uf7ff',
        charset: 'x-user-defined',
      });
    });

    it('reads the labels browsers know under the names they mean', () => {
      const cp1251 = iconv.encode('Новости', 'windows-1251');
      expect(decodeDocument(cp1251, 'text/html; charset=x-cp1251')).toEqual({
        text: 'Новости',
        charset: 'windows-1251',
      });
      expect(decodeDocument(cp1252, 'text/html; charset=us-ascii').charset).toBe('windows-1252');
    });
  });

  describe('sniffing', () => {
    const sniffer = jest.mocked(detect);
    beforeEach(() => sniffer.mockClear());

    it.each([
      ['65,535', MAX_SNIFF_BYTES - 1, MAX_SNIFF_BYTES - 1],
      ['65,536', MAX_SNIFF_BYTES, MAX_SNIFF_BYTES],
      ['4,900,000', 4_900_000, MAX_SNIFF_BYTES],
    ])('sniffs %s undeclared bytes from their first 64 KiB at most', (_size, size, sniffed) => {
      // 0xff never occurs in UTF-8, so the bytes go to the sniffer.
      const bytes = Buffer.concat([Buffer.from([0xff]), randomBytes(size - 1)]);
      const decoded = decodeDocument(bytes, 'text/html');
      expect(sniffer).toHaveBeenCalledTimes(1);
      expect(sniffer.mock.calls[0]?.[0]).toHaveLength(sniffed);
      expect(decoded.text.length).toBeGreaterThan(0);
    });
  });

  it('ignores a charset it cannot decode and falls back', () => {
    expect(decodeDocument(Buffer.from(text, 'utf8'), 'text/html; charset=x-unknown').text).toBe(
      text,
    );
  });
});

describe(charsetFromContentType.name, () => {
  it('reads quoted and unquoted parameters', () => {
    expect(charsetFromContentType('text/html; charset="UTF-8"')).toBe('utf-8');
    expect(charsetFromContentType('text/html;charset=Shift_JIS')).toBe('shift_jis');
    expect(charsetFromContentType('text/html')).toBeNull();
    expect(charsetFromContentType(null)).toBeNull();
  });
});
