import { computeGroupLag, partitionLag } from './group-lag';
import type { GroupSnapshot } from './group-lag';

const fetched = 'news.article.fetched.v1';
const parsed = 'news.article.parsed.v1';

function snapshot(changes: Partial<GroupSnapshot> = {}): GroupSnapshot {
  return {
    groupId: 'newsflow-parser',
    state: 'Stable',
    members: [],
    committed: [],
    topicOffsets: {
      [fetched]: [
        { partition: 0, low: '0', high: '10' },
        { partition: 1, low: '0', high: '7' },
        { partition: 2, low: '5', high: '9' },
      ],
      [parsed]: [{ partition: 0, low: '0', high: '3' }],
    },
    ...changes,
  };
}

describe(partitionLag.name, () => {
  it('is the end less the committed offset', () => {
    expect(partitionLag('4', '0', '10')).toBe(6);
    expect(partitionLag('10', '0', '10')).toBe(0);
  });

  it('counts every message still on the log when nothing is committed', () => {
    expect(partitionLag(null, '0', '10')).toBe(10);
    expect(partitionLag(null, '5', '9')).toBe(4);
    expect(partitionLag(null, '9', '9')).toBe(0);
  });

  it('counts from the log start when retention deleted what the group had not read', () => {
    expect(partitionLag('2', '5', '9')).toBe(4);
  });

  it('is never negative, and holds offsets past 2^53 exactly', () => {
    expect(partitionLag('12', '0', '10')).toBe(0);
    expect(partitionLag('9007199254740993', '0', '9007199254740995')).toBe(2);
  });
});

describe(computeGroupLag.name, () => {
  it('gives each partition of each topic the group reads, with its member and the total', () => {
    const lag = computeGroupLag(
      snapshot({
        members: [
          { clientId: 'newsflow-parser-a', host: '10.0.0.7', assignment: { [fetched]: [0, 2] } },
          { clientId: 'newsflow-parser-b', host: '10.0.0.8', assignment: { [fetched]: [1] } },
        ],
        committed: [
          {
            topic: fetched,
            partitions: [
              { partition: 2, offset: '9' },
              { partition: 0, offset: '4' },
              { partition: 1, offset: '-1' },
            ],
          },
        ],
      }),
    );

    expect(lag).toEqual({
      groupId: 'newsflow-parser',
      state: 'Stable',
      members: 2,
      totalLag: 13,
      partitions: [
        {
          topic: fetched,
          partition: 0,
          committed: '4',
          start: '0',
          end: '10',
          lag: 6,
          member: { clientId: 'newsflow-parser-a', host: '10.0.0.7' },
        },
        {
          topic: fetched,
          partition: 1,
          committed: null,
          start: '0',
          end: '7',
          lag: 7,
          member: { clientId: 'newsflow-parser-b', host: '10.0.0.8' },
        },
        {
          topic: fetched,
          partition: 2,
          committed: '9',
          start: '5',
          end: '9',
          lag: 0,
          member: { clientId: 'newsflow-parser-a', host: '10.0.0.7' },
        },
      ],
    });
  });

  it('lists a partition the group has not committed on yet, and no member when none is', () => {
    const lag = computeGroupLag(
      snapshot({
        state: 'Empty',
        committed: [{ topic: fetched, partitions: [{ partition: 0, offset: '10' }] }],
      }),
    );

    expect(lag.partitions.map((p) => [p.partition, p.committed, p.lag, p.member])).toEqual([
      [0, '10', 0, null],
      [1, null, 7, null],
      [2, null, 4, null],
    ]);
    expect(lag.totalLag).toBe(11);
    expect(lag.members).toBe(0);
  });

  it('reads two topics, sorted by topic then partition', () => {
    const lag = computeGroupLag(
      snapshot({
        committed: [
          { topic: parsed, partitions: [{ partition: 0, offset: '1' }] },
          { topic: fetched, partitions: [{ partition: 0, offset: '10' }] },
        ],
      }),
    );

    expect(lag.partitions.map((p) => `${p.topic}:${p.partition}=${p.lag}`)).toEqual([
      `${fetched}:0=0`,
      `${fetched}:1=7`,
      `${fetched}:2=4`,
      `${parsed}:0=2`,
    ]);
  });

  it('leaves out a topic whose offsets are unknown (deleted since the group committed)', () => {
    const lag = computeGroupLag(
      snapshot({
        committed: [{ topic: 'gone.v1', partitions: [{ partition: 0, offset: '3' }] }],
      }),
    );

    expect(lag.partitions).toEqual([]);
    expect(lag.totalLag).toBe(0);
  });

  it('gives an unknown group no partitions', () => {
    expect(computeGroupLag(snapshot({ groupId: 'nobody', state: 'Dead' }))).toEqual({
      groupId: 'nobody',
      state: 'Dead',
      members: 0,
      partitions: [],
      totalLag: 0,
    });
  });
});
