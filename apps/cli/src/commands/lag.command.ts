import { consumerGroupIds, readGroupLag } from '@newsflow/messaging';
import type { GroupLag } from '@newsflow/messaging';
import { withBrokerAdmin } from './broker';
import type { CommandIo } from './broker';
import { columns } from '../terminal/columns';

export interface LagArgs {
  /** One group; without it, every group of this pipeline (`<KAFKA_GROUP_PREFIX>-...`). */
  group?: string;
  json?: boolean;
}

/**
 * `newsctl lag [--group G] [--json]`: for each consumer group of the pipeline (or the one
 * named), each partition it reads: committed offset, log end, lag and the member reading it,
 * and the group's total. Returns the exit code: 1 when the brokers cannot be reached or the
 * group named does not exist.
 */
export async function lagCommand(args: LagArgs, io: CommandIo): Promise<number> {
  return withBrokerAdmin(io, async ({ admin, config }) => {
    const ids = args.group ? [args.group] : await consumerGroupIds(admin, `${config.groupPrefix}-`);
    const groups = await readGroupLag(admin, ids);
    const unknown = groups.filter((g) => g.state === 'Dead' && g.partitions.length === 0);
    if (args.group && unknown.length > 0) {
      io.err.write(`newsctl: no consumer group ${args.group} on ${config.brokers.join(',')}\n`);
      return 1;
    }
    if (args.json) io.out.write(`${JSON.stringify({ groups }, null, 2)}\n`);
    else
      io.out.write(
        groups.length > 0
          ? formatLag(groups)
          : `no consumer groups named ${config.groupPrefix}-* (KAFKA_GROUP_PREFIX) on ${config.brokers.join(',')}\n`,
      );
    return 0;
  });
}

/**
 * A block per group: a heading with its state and members, a row per partition (topic,
 * partition, committed offset or `-`, end, lag, member as clientId@host or `-`), and the total.
 */
export function formatLag(groups: GroupLag[]): string {
  const blocks = groups.map((group) => {
    const members = `${group.members} ${group.members === 1 ? 'member' : 'members'}`;
    const heading = `group ${group.groupId} (${group.state}, ${members})`;
    if (group.partitions.length === 0)
      return `${heading}\nno committed offsets and no assignments\n`;
    const rows = group.partitions.map((p) => [
      p.topic,
      String(p.partition),
      p.committed ?? '-',
      p.end,
      String(p.lag),
      p.member ? `${p.member.clientId}@${p.member.host}` : '-',
    ]);
    const table = columns(
      ['topic', 'partition', 'committed', 'end', 'lag', 'member'],
      rows,
      [1, 2, 3, 4],
    );
    return `${heading}\n${table}total lag ${group.totalLag}\n`;
  });
  return blocks.join('\n');
}
