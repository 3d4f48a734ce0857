import { Parser } from 'htmlparser2';
import { absoluteUrl } from '../text/url';
import { scanningTokenizer } from './scanning-tokenizer';

/** What a page says about its own address, as written (entities decoded). */
export interface PageAddress {
  /** The href of the first `<link rel="canonical">`; '' when that link has none. */
  canonicalLink: string | null;
  /** The content of the first `<meta property="og:url">` (or `name=`). */
  ogUrl: string | null;
  /** The href of the first `<base href>`. */
  baseHref: string | null;
}

/**
 * The one reader of a page's own address. The article id follows it (the fetcher, newsctl and
 * the folder source read it before publishing) and the extractor's canonicalUrl starts from it,
 * so both always agree.
 *
 * It reads the tags in document order with the extractor's tokenizer, without building a tree,
 * and the first of each kind counts. The body counts too: 7 of the benchmark's 181 real pages
 * have their (right) canonical link only after `<body>`. A tokenizer, unlike a search of the
 * text, is not fooled by a `<link` or `<body` written inside a script or an attribute (sfgate
 * writes `<body onload=...` in a head script before its canonical link). The page is read to its
 * end; its size is bounded by the fetch and message limits (0.7 ms a page over the benchmark's 181).
 */
export function readPageAddress(html: string): PageAddress {
  const found: PageAddress = { canonicalLink: null, ogUrl: null, baseHref: null };
  const parser: Parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'link') {
          const rel = (attributes.rel ?? '').toLowerCase().split(/\s+/);
          if (found.canonicalLink === null && rel.includes('canonical')) {
            found.canonicalLink = (attributes.href ?? '').trim();
          }
        } else if (name === 'meta') {
          const key = (attributes.property ?? attributes.name ?? '').toLowerCase();
          if (found.ogUrl === null && key === 'og:url' && attributes.content !== undefined) {
            found.ogUrl = attributes.content.trim();
          }
        } else if (name === 'base' && found.baseHref === null && attributes.href !== undefined) {
          found.baseHref = attributes.href.trim();
        }
      },
    },
    {
      decodeEntities: true,
      lowerCaseTags: true,
      lowerCaseAttributeNames: true,
      Tokenizer: scanningTokenizer,
    },
  );
  parser.write(html);
  return found;
}

/**
 * The page's canonical link as an absolute http(s) URL, resolved against its `<base href>` and
 * then `pageUrl` (null for a saved file, whose links must then be absolute); null when there is
 * none or it is not usable. The first canonical link decides, even when it is unusable.
 */
export function canonicalUrlOf(address: PageAddress, pageUrl: string | null): string | null {
  return absoluteUrl(address.canonicalLink, baseOf(address, pageUrl));
}

/** The og:url, resolved as canonicalUrlOf resolves the canonical link. */
export function ogUrlOf(address: PageAddress, pageUrl: string | null): string | null {
  return absoluteUrl(address.ogUrl, baseOf(address, pageUrl));
}

function baseOf(address: PageAddress, pageUrl: string | null): string | null {
  return absoluteUrl(address.baseHref, pageUrl) ?? pageUrl;
}
