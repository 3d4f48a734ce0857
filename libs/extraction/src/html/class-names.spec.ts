import { classifyNames } from './class-names';

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
