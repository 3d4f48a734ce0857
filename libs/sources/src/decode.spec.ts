import iconv from 'iconv-lite';
import { charsetFromContentType, decodeDocument } from './decode';

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
