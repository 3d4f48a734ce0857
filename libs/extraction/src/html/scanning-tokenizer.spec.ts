import { Parser } from 'htmlparser2';
import type { Handler } from 'htmlparser2';
import { scanningTokenizer } from './scanning-tokenizer';

/** Every event the parser passes on, with the source positions it reports for it. */
function events(chunks: readonly string[], scanning: boolean): string[] {
  const seen: string[] = [];
  // Called only while the parser below runs, so after it is assigned.
  const record = (...args: unknown[]): void => {
    seen.push(JSON.stringify([...args, parser.startIndex, parser.endIndex]));
  };
  const handler: Partial<Handler> = {
    onopentag: (name, attribs) => record('open', name, attribs),
    onclosetag: (name, implied) => record('close', name, implied),
    ontext: (text) => record('text', text),
    oncomment: (text) => record('comment', text),
    oncdatastart: () => record('cdata'),
    onprocessinginstruction: (name, data) => record('pi', name, data),
  };
  const parser = new Parser(handler, {
    decodeEntities: true,
    ...(scanning ? { Tokenizer: scanningTokenizer } : {}),
  });
  for (const chunk of chunks) parser.write(chunk);
  parser.end();
  return seen;
}

function expectSameEvents(html: string): void {
  const stock = events([html], false);
  expect(events([html], true)).toEqual(stock);
  // Written in pieces, as a stream arrives: a search must stop at the end of each chunk.
  const pieces = [html.slice(0, html.length / 3), html.slice(html.length / 3, html.length / 2)];
  pieces.push(html.slice(html.length / 2));
  expect(events(pieces, true)).toEqual(events(pieces, false));
}

/** A small seeded generator, so that a failure names a page that can be made again. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const FRAGMENTS = [
  'plain text ', 'fish &amp; chips', '&euro;5', 'a & b', '&notanentity;', '&#x27;', '&#39',
  '1 < 2', '<<p>', '<p>', '</p>', '<div class="a b">', '</div>', "<a href='/x?a=1&amp;b=2'>",
  '<a href="/x?a=1&b=2" title=\'it"s\'>', '</a>', '<img src=x alt=one&amp;two>', '<br/>',
  '<input disabled>', '<script>if (a < b && c) { x = "</p>"; }</script>', '<style>p>b{}</style>',
  '<script type="application/ld+json">{"a": "b & c"}</script>', '<!-- a -- comment -->',
  '<!---->', '<!--->', '<![CDATA[ x ]]>', '<?xml version="1.0"?>', '<!DOCTYPE html>',
  '<title>A &amp; B</title>', '<textarea>a < b</textarea>', '</ p>', '<p\n  class="x"\n>',
  '<span data-x="a\nb">', '</span>', '<b>bold</b>', '"quoted"', "'single'", '>', '=', '&',
  '<svg><path d="M0 0"/></svg>', '<script></scrip></script>', '<xmp>a <b> c</xmp>',
]; // prettier-ignore

describe('ScanningTokenizer', () => {
  it.each([
    ['text with entities and a stray ampersand', '<p>Fish &amp; chips &euro;5 &copy a & b</p>'],
    [
      'attribute values with entities and the other quote',
      `<a href="/?a=1&amp;b='2'" t='"x" &lt;'>`,
    ],
    [
      'a script full of less-than signs',
      '<script>for (i = 0; i < n; i++) if (a<b) s += "</div>";</script>',
    ],
    ['comments and CDATA', '<p>a<!-- x <b> -- y --->b<![CDATA[c]]>d</p>'],
    ['an ampersand as the last character', 'text &'],
    ['a tag left open at the end', '<p>text <a href="x'],
    ['a comment left open at the end', '<p>text <!-- never closed'],
    ['an empty page', ''],
  ])('emits what the stock tokenizer emits: %s', (_, html) => {
    expectSameEvents(html);
  });

  it('emits what the stock tokenizer emits on 300 generated pages', () => {
    for (let page = 1; page <= 300; page++) {
      const next = random(page);
      const parts: string[] = [];
      const count = 5 + Math.floor(next() * 60);
      for (let part = 0; part < count; part++) {
        parts.push(FRAGMENTS[Math.floor(next() * FRAGMENTS.length)] ?? '');
      }
      const html = parts.join(next() < 0.5 ? '' : '\n');
      try {
        expectSameEvents(html);
      } catch (error) {
        throw new Error(`generated page ${page} differs:\n${html}\n${String(error)}`);
      }
    }
  });
});
