import type { ArticleImageV1 } from '@newsflow/contracts';
import type { Element, ParentNode } from 'domhandler';
import { splitCaptionCredit } from '../text/photo-credit';
import { normalizeText } from '../text/text-normalizer';
import type { Deadline } from '../limits';
import { absoluteUrl } from '../text/url';
import { attribute, descendantsWhere, selectFirst, textOf } from './dom';

/** Markup that sets a credit apart inside a caption. */
const CREDIT_SELECTOR =
  'small, cite, .credit, [class*="credit"], [class*="copyright"], [itemprop="copyrightHolder"], [itemprop="creditText"], [itemprop="author"]';

/** Where lazy-loading pages keep the real address while `src` holds a placeholder. */
const SOURCE_ATTRIBUTES = ['data-src', 'data-original', 'data-lazy-src', 'data-url', 'src'];

/**
 * The `<figure>`s of a container as images: the picture's address, its `<figcaption>` as
 * caption, and the credit either from markup (`<small>`, `.credit`, `<cite>`) or split from the
 * caption text ("… Photo: Reuters", "© AFP / Jane Doe").
 *
 * Each figure's images and caption are searched for in all it holds, so figures nested in figures
 * search the same elements again: the deadline is checked at each figure.
 */
export function readFigures(
  container: ParentNode,
  baseUrl: string | null,
  deadline?: Deadline,
): ArticleImageV1[] {
  return descendantsWhere(container, (element) => element.name === 'figure').flatMap((figure) => {
    deadline?.check('reading figures');
    const url = imageUrl(figure, baseUrl);
    const { caption, credit } = readCaption(selectFirst('figcaption', figure));
    return url === null && caption === null ? [] : [{ url, caption, credit }];
  });
}

function imageUrl(figure: Element, baseUrl: string | null): string | null {
  const img = selectFirst('img', figure);
  for (const name of img ? SOURCE_ATTRIBUTES : []) {
    const value = img ? attribute(img, name) : null;
    const url = absoluteUrl(value, baseUrl);
    if (url !== null) return url;
  }
  const source = selectFirst('img[srcset], source[srcset], img[data-srcset]', figure);
  const srcset = source ? (attribute(source, 'srcset') ?? attribute(source, 'data-srcset')) : null;
  return absoluteUrl(srcset?.split(',')[0]?.trim().split(/\s+/)[0], baseUrl);
}

function readCaption(figcaption: Element | null): {
  caption: string | null;
  credit: string | null;
} {
  if (!figcaption) return { caption: null, credit: null };
  const creditElement = selectFirst(CREDIT_SELECTOR, figcaption);
  const whole = textOf(figcaption);
  if (creditElement && whole !== null) {
    const credit = textOf(creditElement);
    const caption = credit === null ? whole : normalizeText(whole.replace(credit, ''));
    const split = splitCaptionCredit(credit ?? '');
    return { caption: caption === '' ? null : caption, credit: split.credit ?? split.caption };
  }
  return whole === null ? { caption: null, credit: null } : splitCaptionCredit(whole);
}
