import { classifyNames, isStandfirstName } from './class-names';

describe(classifyNames.name, () => {
  it.each([
    ['post-tags', 'furniture'],
    ['articleByline__bio', 'furniture'],
    ['signupBackground___27LhS', 'furniture'],
    ['photo newsCaption', 'furniture'],
    ['entry-author-bio', 'furniture'],
    ['entry-content', 'content'],
    ['article-body', 'content'],
    ['comments-area', 'comments'],
    ['container clearfix', 'neutral'],
    ['wp-caption-text', 'furniture'],
    ['related-content', 'furniture'],
    ['cookie-consent', 'comments'],
    ['user-reviews', 'comments'],
    ['site-slogan', 'furniture'],
    ['advertiser-disclosure', 'furniture'],
    ['rollover-block', 'furniture'],
    ['story-body', 'content'],
    ['social-media-embed', 'content'],
    ['twitter-tweet', 'content'],
    ['newsletter-embed', 'furniture'],
  ] as const)('reads the last meaningful word of "%s" as %s', (className, kind) => {
    expect(classifyNames(className, null)).toBe(kind);
  });

  it('lets one content name win over a furniture name on the same element', () => {
    expect(classifyNames('site-content sidebar-right', null)).toBe('content');
  });

  it('ignores state modifiers such as has-sidebar', () => {
    expect(classifyNames('wrapper has-sidebar', null)).toBe('neutral');
  });

  it('reads the id too, and comments win over everything', () => {
    expect(classifyNames('entry-content', 'disqus_thread')).toBe('comments');
  });
});

describe(isStandfirstName.name, () => {
  it.each([
    'intro',
    'entry-excerpt',
    'teaser-text',
    'article__standfirst',
    'c-article-intro-container',
  ])('reads "%s" as a standfirst', (className) => {
    expect(isStandfirstName(className, null)).toBe(true);
  });

  it.each(['leadMediaRegion', 'lead-image', 'teaser-list-item', 'intro-video'])(
    'reads "%s" as something else: a word after the standfirst word says what',
    (className) => {
      expect(isStandfirstName(className, null)).toBe(false);
    },
  );
});
