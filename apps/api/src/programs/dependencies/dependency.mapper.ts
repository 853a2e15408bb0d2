import type {
  DependencyParty,
  DependencyPartyRef,
  ProgramDependency as ProgramDependencyResponse,
} from '@bearing/contracts';
import { daysBetween, type Day } from '@bearing/metrics';
import type { ProgramDependency } from './program-dependency.entity.js';

const CLOSED = new Set(['delivered', 'cancelled']);

/** Days past the need-by date of a dependency neither delivered nor cancelled (0 otherwise). */
export function daysOverdue(
  { needBy, status }: Pick<ProgramDependency, 'needBy' | 'status'>,
  today: Day,
): number {
  return CLOSED.has(status) ? 0 : Math.max(0, daysBetween(needBy, today));
}

export function isClosedDependency({ status }: Pick<ProgramDependency, 'status'>): boolean {
  return CLOSED.has(status);
}

export function partiesOf(dependency: ProgramDependency): [DependencyParty, DependencyParty] {
  return [
    { kind: dependency.fromKind, id: dependency.fromId },
    { kind: dependency.toKind, id: dependency.toId },
  ];
}

export function toDependencyResponse(
  dependency: ProgramDependency,
  describe: (party: DependencyParty) => DependencyPartyRef,
  today: Day,
): ProgramDependencyResponse {
  const [from, to] = partiesOf(dependency);
  return {
    id: dependency.id,
    programId: dependency.programId,
    from: describe(from),
    to: describe(to),
    description: dependency.description,
    needBy: dependency.needBy,
    status: dependency.status,
    overdue: daysOverdue(dependency, today) > 0,
    createdAt: dependency.createdAt.toISOString(),
    updatedAt: dependency.updatedAt.toISOString(),
    version: dependency.version,
  };
}
