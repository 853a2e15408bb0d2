import { Injectable } from '@nestjs/common';
import type { DependencySnapshot } from '@bearing/contracts';
import { describeParties } from '../../programs/dependencies/dependency-parties.repository.js';
import {
  daysOverdue,
  isClosedDependency,
  partiesOf,
} from '../../programs/dependencies/dependencies.service.js';
import { programDependencies } from '../../programs/dependencies/program-dependency.repository.js';
import { LinkedRecords } from '../../programs/linked-records.service.js';
import type { CollectedReason } from '../health-rules.js';
import { dayCount, dayInWords } from './day-words.js';
import {
  type CollectContext,
  type CollectedSection,
  previousSection,
  type ReportSectionCollector,
} from './report-section-collector.js';

/**
 * The program's dependencies that are neither delivered nor cancelled, by need-by date, each
 * flagged overdue when its need-by date is before the snapshot day. Each overdue one is an
 * at-risk reason: the program is waiting on something it needed already.
 */
@Injectable()
export class DependenciesCollector implements ReportSectionCollector<'dependencies'> {
  readonly section = 'dependencies';

  constructor(private readonly linkedRecords: LinkedRecords) {}

  async collect({
    manager,
    program,
    asOf,
    previous,
  }: CollectContext): Promise<CollectedSection<'dependencies'>> {
    const dependencies = (
      await programDependencies(manager, {
        workspaceId: program.workspaceId,
        programId: program.id,
      })
    ).filter((dependency) => !isClosedDependency(dependency));
    const describe = await describeParties(
      manager,
      this.linkedRecords,
      program.workspaceId,
      dependencies.flatMap(partiesOf),
    );
    const open = dependencies.map((dependency): DependencySnapshot => {
      const [from, to] = partiesOf(dependency);
      const overdueDays = daysOverdue(dependency, asOf);
      return {
        dependencyId: dependency.id,
        from: describe(from),
        to: describe(to),
        description: dependency.description,
        needBy: dependency.needBy,
        status: dependency.status,
        overdue: overdueDays > 0,
        daysOverdue: overdueDays,
      };
    });
    const overdue = open.filter((dependency) => dependency.overdue);
    const compared = previousSection(previous, 'dependencies');
    return {
      data: {
        status: 'available',
        open,
        overdueCount: overdue.length,
        overdueCountChange: compared && overdue.length - compared.overdueCount,
      },
      reasons: overdue.map((dependency): CollectedReason => ({
        code: 'dependency-overdue',
        message: `Dependency "${dependency.description}" (${partyName(dependency.from)} needs it from ${partyName(dependency.to)}) was needed by ${dayInWords(dependency.needBy)}: ${dayCount(dependency.daysOverdue)} overdue.`,
        ref: { type: 'dependency', id: dependency.dependencyId },
      })),
    };
  }
}

function partyName({ kind, name }: DependencySnapshot['from']): string {
  return name ?? `an unnamed ${kind}`;
}
