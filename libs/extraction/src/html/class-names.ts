/**
 * What an element's `class` and `id` say it is. Page templates name their parts in every style
 * (`post-tags`, `articleByline__bio`, `signupBackground___27LhS`, `newsCaption`), so each name is
 * split into words (at punctuation, digits and camelCase humps), and the last word that means
 * something decides: in `entry-author-bio` it is `bio`, in `site-content` it is `content`. A
 * generic holder word (`text`, `body`, `content`) last gives way to a furniture word just before
 * it: `wp-caption-text` is a caption, `related-content` a list of other stories.
 */
export type ClassKind = 'comments' | 'furniture' | 'content' | 'neutral';

/**
 * Words of what is never the article, in either pass of the body search: comment threads and
 * readers' reviews, and the cookie and consent notices that hold more text than a short story.
 */
const COMMENT_WORDS = new Set([
  'comment', 'comments', 'replies', 'disqus', 'respond', 'reviews', 'testimonials', 'ratings',
  'cookie', 'cookies', 'consent', 'gdpr', 'cmp',
]); // prettier-ignore

const FURNITURE_WORDS = new Set([
  'ad', 'ads', 'adv', 'advert', 'advertisement', 'advertising', 'author', 'authors', 'banner',
  'bio', 'breadcrumb', 'breadcrumbs', 'byline', 'calendar', 'cta', 'caption', 'captions', 'contact',
  'credit', 'credits', 'dateline', 'disclaimer', 'disclosure', 'donate', 'footer', 'gallery',
  'login', 'masthead', 'meta', 'metadata', 'newsletter', 'outbrain', 'pagination',
  'popover', 'popular', 'pricing', 'promo', 'rail', 'recirc', 'recommended', 'registration',
  'related', 'rollover', 'tooltip',
  'share', 'sharing', 'sidebar', 'signup', 'slogan', 'social', 'sponsor', 'sponsored',
  'subscribe', 'subscription', 'tag', 'tagline', 'tags', 'taboola', 'timestamp', 'toolbar',
  'trending', 'widget', 'widgets',
]); // prettier-ignore

/**
 * Words of the article's own parts. An embed is a post the story quotes (`social-media-embed`,
 * `twitter-tweet`): its words are part of the story, whatever network it comes from.
 */
const CONTENT_WORDS = new Set([
  'article', 'body', 'content', 'embed', 'entry', 'main', 'post', 'story', 'text', 'tweet',
]); // prettier-ignore

/** Content words that say only "what is inside": the word before them says what that is. */
const HOLDER_WORDS = new Set(['body', 'content', 'embed', 'text']);

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
    const kind = wordKind(words[index] ?? '');
    if (kind === 'neutral') continue;
    if (kind === 'content' && HOLDER_WORDS.has(words[index] ?? '')) {
      const before = wordKind(words[index - 1] ?? '');
      if (before === 'comments' || before === 'furniture') return before;
    }
    return kind;
  }
  return 'neutral';
}

function wordKind(word: string): ClassKind {
  if (COMMENT_WORDS.has(word)) return 'comments';
  if (FURNITURE_WORDS.has(word)) return 'furniture';
  if (CONTENT_WORDS.has(word)) return 'content';
  return 'neutral';
}

/**
 * Words of the names sites give the paragraph that sums up the story under its headline: the
 * standfirst (`p.intro`, `div.entry-excerpt`, `.teaser-text`, `article__standfirst`, `chapo`).
 */
const STANDFIRST_WORDS = new Set([
  'abstract', 'chapeau', 'chapo', 'dek', 'deck', 'entradilla', 'excerpt', 'intro', 'introduction',
  'lead', 'leadtext', 'lede', 'standfirst', 'strapline', 'summary', 'teaser', 'vorspann',
]); // prettier-ignore

/** Text each standfirst word contains (`chap` for chapo and chapeau). */
const STANDFIRST_HINT =
  /abstract|chap|dek|deck|entradilla|excerpt|intro|lead|lede|standfirst|strapline|summary|teaser|vorspann/i;

/** Words after a standfirst word that still name the standfirst: `teaser-text`, `intro-container`. */
const STANDFIRST_HOLDERS = new Set([
  'block', 'body', 'container', 'content', 'copy', 'inner', 'paragraph', 'text', 'wrap', 'wrapper',
]); // prettier-ignore

/**
 * Whether one of the class or id names is a standfirst's: it ends in a standfirst word, or in
 * holder words after one. A word further in says what else it is: `leadMediaRegion` is a picture.
 */
export function isStandfirstName(className: string | null, id: string | null): boolean {
  if (className === null && id === null) return false;
  const names = `${className ?? ''} ${id ?? ''}`;
  // Most names hold none of the words: one scan tells, before any is split.
  if (!STANDFIRST_HINT.test(names)) return false;
  return names.split(/\s+/).some((name) => {
    const words = name
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .toLowerCase()
      .split(/[^a-z]+/)
      .filter((word) => word !== '');
    let index = words.length - 1;
    while (index > 0 && STANDFIRST_HOLDERS.has(words[index] ?? '')) index--;
    return STANDFIRST_WORDS.has(words[index] ?? '');
  });
}
