import { parseExposition } from './metrics-scrape';

describe(parseExposition.name, () => {
  it('reads each sample with its labels and value, skipping comments', () => {
    const text = [
      '# HELP newsflow_messages_handled_total Messages handled',
      '# TYPE newsflow_messages_handled_total counter',
      'newsflow_messages_handled_total{stage="parser",topic="news.article.fetched.v1"} 12',
      'newsflow_process_resident_memory_bytes 1.5e+08',
      'newsflow_x{reason="a \\"quoted\\" one"} 0',
      '',
    ].join('\n');
    expect(parseExposition(text)).toEqual([
      {
        name: 'newsflow_messages_handled_total',
        labels: { stage: 'parser', topic: 'news.article.fetched.v1' },
        value: 12,
      },
      { name: 'newsflow_process_resident_memory_bytes', labels: {}, value: 150_000_000 },
      { name: 'newsflow_x', labels: { reason: 'a \\"quoted\\" one' }, value: 0 },
    ]);
  });
});
