import { readUrlList } from './url-list-reader';

describe(readUrlList.name, () => {
  it('keeps absolute http(s) URLs once each, normalized, in order', () => {
    const body = [
      '\uFEFF# morning list',
      'https://news.example/a?utm_source=x',
      '',
      '   HTTP://News.Example/b/   # trailing note',
      'https://news.example/a',
      'https://news.example/c#section',
      '/relative/path',
      'ftp://files.example/x',
      'not a url',
      'https://news.example/d\r',
    ].join('\n');

    expect(readUrlList(body)).toEqual({
      urls: [
        'https://news.example/a',
        'http://news.example/b',
        'https://news.example/c',
        'https://news.example/d',
      ],
      rejected: [
        { line: 7, text: '/relative/path' },
        { line: 8, text: 'ftp://files.example/x' },
        { line: 9, text: 'not a url' },
      ],
    });
  });

  it('reads an empty body as an empty list', () => {
    expect(readUrlList('')).toEqual({ urls: [], rejected: [] });
  });
});
