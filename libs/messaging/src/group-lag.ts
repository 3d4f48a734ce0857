import { AssignerProtocol } from 'kafkajs';
import type { Admin, ConsumerGroupState, GroupDescription } from 'kafkajs';

/** Where one consumer group stands on one partition. */
export interface PartitionLag {
  topic: string;
  partition: number;
  /** The group's committed offset (the next message it will read), or null when none is. */
  committed: string | null;
  /** The log end offset: the offset the next message produced will get. */
  end: string;
  /** The log start offset: the earliest message still on the broker. */
  start: string;
  /** Messages on the partition the group has not read (see `partitionLag`). */
  lag: number;
  /** The member the partition is assigned to now, or null (a stopped stage, a rebalance). */
  member: { clientId: string; host: string } | null;
}

/** One consumer group: its state and each partition of each topic it reads. */
export interface GroupLag {
  groupId: string;
  state: ConsumerGroupState;
  /** Members in the group now. */
  members: number;
  /** Sorted by topic, then partition. */
  partitions: PartitionLag[];
  /** The lag of every partition added up. */
  totalLag: number;
}

/** A member of a group, its assignment decoded. */
export interface GroupMember {
  clientId: string;
  host: string;
  /** Partitions assigned to the member, by topic. */
  assignment: Record<string, number[]>;
}

/** What the admin API says about one group, as `computeGroupLag` takes it. */
export interface GroupSnapshot {
  groupId: string;
  state: ConsumerGroupState;
  members: GroupMember[];
  /** Committed offsets by topic; "-1" for a partition with none. */
  committed: { topic: string; partitions: { partition: number; offset: string }[] }[];
  /** Start (`low`) and end (`high`) of each partition of each topic the group reads. */
  topicOffsets: Record<string, { partition: number; low: string; high: string }[]>;
}

/**
 * The lag of each group (or of every consumer group on the cluster when `groupIds` is not
 * given), from the admin API: ListGroups, DescribeGroups (members and their assignments),
 * OffsetFetch (committed offsets) and ListOffsets (start and end of each partition). A group
 * reads the topics it has committed offsets on and the topics assigned to its members; a topic
 * deleted since is left out. A group id the broker does not know comes back `Dead`, with no
 * partitions.
 */
export async function readGroupLag(admin: Admin, groupIds?: string[]): Promise<GroupLag[]> {
  const ids = groupIds ?? (await consumerGroupIds(admin));
  if (ids.length === 0) return [];
  const { groups } = await admin.describeGroups(ids);
  // A topic deleted since the group committed on it: asking its offsets would be retried for a
  // minute (kafkajs takes an unknown topic for one not created yet) before failing.
  const existing = new Set(await admin.listTopics());
  const topicOffsets: GroupSnapshot['topicOffsets'] = {};
  const snapshots: GroupSnapshot[] = [];
  for (const group of groups) {
    const members = group.members.map((m) => memberOf(group, m));
    const assigned = members.flatMap((m) => Object.keys(m.assignment));
    // Without topics, OffsetFetch answers every topic the group has committed offsets on.
    let committed = await admin.fetchOffsets({ groupId: group.groupId });
    const missing = [...new Set(assigned)].filter(
      (t) => existing.has(t) && !committed.some((c) => c.topic === t),
    );
    if (missing.length > 0)
      committed = [
        ...committed,
        ...(await admin.fetchOffsets({ groupId: group.groupId, topics: missing })),
      ];
    for (const { topic } of committed) {
      if (topic in topicOffsets || !existing.has(topic)) continue;
      const offsets = await admin.fetchTopicOffsets(topic);
      topicOffsets[topic] = offsets.map(({ partition, low, high }) => ({ partition, low, high }));
    }
    snapshots.push({
      groupId: group.groupId,
      state: group.state,
      members,
      committed,
      topicOffsets,
    });
  }
  return snapshots.map(computeGroupLag);
}

/** Every consumer group on the cluster whose id starts with `prefix`, sorted. */
export async function consumerGroupIds(admin: Admin, prefix = ''): Promise<string[]> {
  const { groups } = await admin.listGroups();
  return groups
    .filter(
      // A group made by setting offsets alone (no member has joined yet) has no protocol type.
      (g) =>
        (g.protocolType === 'consumer' || g.protocolType === '') && g.groupId.startsWith(prefix),
    )
    .map((g) => g.groupId)
    .sort();
}

/**
 * The group's lag on each partition of each topic it reads, from what the admin API said:
 * pure, so it can be checked without a broker.
 */
export function computeGroupLag(snapshot: GroupSnapshot): GroupLag {
  const owners = new Map<string, GroupLag['partitions'][number]['member']>();
  for (const member of snapshot.members)
    for (const [topic, partitions] of Object.entries(member.assignment))
      for (const partition of partitions)
        owners.set(`${topic}:${partition}`, { clientId: member.clientId, host: member.host });
  const partitions: PartitionLag[] = [];
  for (const { topic, partitions: offsets } of snapshot.committed) {
    const ends = snapshot.topicOffsets[topic];
    if (!ends) continue;
    for (const { partition, low, high } of ends) {
      const offset = offsets.find((p) => p.partition === partition)?.offset ?? '-1';
      const committed = BigInt(offset) >= 0n ? offset : null;
      partitions.push({
        topic,
        partition,
        committed,
        end: high,
        start: low,
        lag: partitionLag(committed, low, high),
        member: owners.get(`${topic}:${partition}`) ?? null,
      });
    }
  }
  partitions.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
  return {
    groupId: snapshot.groupId,
    state: snapshot.state,
    members: snapshot.members.length,
    partitions,
    totalLag: partitions.reduce((sum, p) => sum + p.lag, 0),
  };
}

/**
 * Messages the group has still to read on a partition: the end less the committed offset. With
 * nothing committed, the group starts at the log start (our stages read from the beginning), so
 * every message still on the log counts; so does it when the committed offset is older than the
 * log start (retention deleted what it had not read), as the group then restarts at the start.
 * Never negative.
 */
export function partitionLag(committed: string | null, start: string, end: string): number {
  const from = committed === null || BigInt(committed) < BigInt(start) ? start : committed;
  const lag = BigInt(end) - BigInt(from);
  return lag > 0n ? Number(lag) : 0;
}

function memberOf(
  group: GroupDescription,
  member: GroupDescription['members'][number],
): GroupMember {
  const base = { clientId: member.clientId, host: member.clientHost.replace(/^\//, '') };
  // Only the consumer protocol's assignments have this layout; an empty one means "none yet".
  if (group.protocolType !== 'consumer' || member.memberAssignment.length === 0)
    return { ...base, assignment: {} };
  const decoded = AssignerProtocol.MemberAssignment.decode(member.memberAssignment);
  return { ...base, assignment: decoded?.assignment ?? {} };
}
