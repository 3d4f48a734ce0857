/**
 * What an element's `class` and `id` say it is. Page templates name their parts in every style
 * (`post-tags`, `articleByline__bio`, `signupBackground___27LhS`, `newsCaption`), so each name is
 * split into words (at punctuation, digits and camelCase humps), and the last word that means
 * something decides: in `entry-author-bio` it is `bio`, in `site-content` it is `content`.
 */
export type ClassKind = 'comments' | 'furniture' | 'content' | 'neutral';

const COMMENT_WORDS = new Set(['comment', 'comments', 'replies', 'disqus', 'respond']);

const FURNITURE_WORDS = new Set([
  'ad', 'ads', 'adv', 'advert', 'advertisement', 'advertising', 'author', 'authors', 'banner',
  'bio', 'breadcrumb', 'breadcrumbs', 'byline', 'caption', 'captions', 'credit', 'credits',
  'dateline', 'disclaimer', 'donate', 'footer', 'gallery', 'masthead', 'meta', 'metadata',
  'newsletter', 'outbrain', 'pagination', 'popular', 'promo', 'rail', 'recirc', 'recommended',
  'related', 'share', 'sharing', 'sidebar', 'signup', 'social', 'sponsor', 'sponsored',
  'subscribe', 'subscription', 'tag', 'tags', 'taboola', 'timestamp', 'toolbar', 'trending',
]); // prettier-ignore

const CONTENT_WORDS = new Set([
  'article', 'body', 'content', 'entry', 'main', 'post', 'story', 'text',
]); // prettier-ignore

/** Class prefixes that describe a state of a wrapper, not what it is (`has-sidebar`). */
const MODIFIER = /^(?:has|with|no|is)-/i;

export function classifyNames(className: string | null, id: string | null): ClassKind {
  if (className === null && id === null) return 'neutral';
  const key = `${className ?? ''}#${id ?? ''}`;
  let kind = recent.get(key);
  if (kind === undefined) {
    kind = classifyAll(className, id);
    // Pages repeat their class names thousands of times; the cache is emptied, not left to grow.
    if (recent.size >= RECENT_LIMIT) recent.clear();
    recent.set(key, kind);
  }
  return kind;
}

const RECENT_LIMIT = 10_000;
const recent = new Map<string, ClassKind>();

function classifyAll(className: string | null, id: string | null): ClassKind {
  let kind: ClassKind = 'neutral';
  for (const name of `${className ?? ''} ${id ?? ''}`.split(/\s+/)) {
    if (name === '' || MODIFIER.test(name)) continue;
    const own = classifyName(name);
    if (own === 'comments') return own;
    // One name that says content is enough: `entry-content has-share-bar` holds the article.
    if (own === 'content' || (own === 'furniture' && kind === 'neutral')) kind = own;
  }
  return kind;
}

function classifyName(name: string): ClassKind {
  const words = name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z]+/);
  for (let index = words.length - 1; index >= 0; index--) {
    const word = words[index] ?? '';
    if (COMMENT_WORDS.has(word)) return 'comments';
    if (FURNITURE_WORDS.has(word)) return 'furniture';
    if (CONTENT_WORDS.has(word)) return 'content';
  }
  return 'neutral';
}
