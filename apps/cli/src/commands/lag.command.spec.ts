import type { GroupLag } from '@newsflow/messaging';
import { formatLag } from './lag.command';

describe(formatLag.name, () => {
  it('prints a block per group: a row per partition and the total', () => {
    const groups: GroupLag[] = [
      {
        groupId: 'newsflow-parser',
        state: 'Stable',
        members: 1,
        totalLag: 1204,
        partitions: [
          {
            topic: 'news.article.fetched.v1',
            partition: 0,
            committed: '1200',
            start: '0',
            end: '2404',
            lag: 1204,
            member: { clientId: 'newsflow', host: '10.0.0.7' },
          },
          {
            topic: 'news.article.fetched.v1',
            partition: 1,
            committed: null,
            start: '0',
            end: '0',
            lag: 0,
            member: null,
          },
        ],
      },
      { groupId: 'newsflow-store', state: 'Empty', members: 0, totalLag: 0, partitions: [] },
    ];

    expect(formatLag(groups).split('\n')).toEqual([
      'group newsflow-parser (Stable, 1 member)',
      'topic                    partition  committed   end   lag  member',
      'news.article.fetched.v1          0       1200  2404  1204  newsflow@10.0.0.7',
      'news.article.fetched.v1          1          -     0     0  -',
      'total lag 1204',
      '',
      'group newsflow-store (Empty, 0 members)',
      'no committed offsets and no assignments',
      '',
    ]);
  });
});
