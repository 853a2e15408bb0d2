import type { ReportSectionKey, ReportSections, ReportSnapshot } from '@bearing/contracts';
import type { Day } from '@bearing/metrics';
import type { EntityManager } from 'typeorm';
import type { CollectedReason } from '../health-rules.js';
import type { ReportWeek } from '../report-week.js';

/** What a collector knows of the program it reports on. */
export type ProgramFacts = {
  id: string;
  workspaceId: string;
  name: string;
  start: Day;
  end: Day | null;
  teamIds: string[];
  objectiveIds: string[];
  guardrailIds: string[];
};

export type CollectContext = {
  /** The generating transaction (repeatable read: every section sees the same data). */
  manager: EntityManager;
  program: ProgramFacts;
  week: ReportWeek;
  /** Today, from the clock: states are as of this day ("overdue" is judged against it). */
  asOf: Day;
  /** The snapshot of the program's last published report before this week, for changes. */
  previous: ReportSnapshot | null;
};

export type CollectedSection<Key extends ReportSectionKey> = {
  data: ReportSections[Key];
  /** The health reasons the section's data gives, each stated once. */
  reasons: CollectedReason[];
};

/**
 * One section of a status report's snapshot. A collector reads only its own data, states the
 * health reasons it sees and what changed since `previous`; the generator puts the sections
 * together and decides the suggested health from all reasons. A source that is not wired says
 * `{ status: 'unavailable', reason }` — never made-up numbers.
 */
export interface ReportSectionCollector<Key extends ReportSectionKey = ReportSectionKey> {
  readonly section: Key;
  collect(context: CollectContext): Promise<CollectedSection<Key>>;
}

/** A collector of any one section. */
export type AnySectionCollector = {
  [Key in ReportSectionKey]: ReportSectionCollector<Key>;
}[ReportSectionKey];

/** Nest token of the list of every section's collector (exactly one per section). */
export const REPORT_SECTION_COLLECTORS = Symbol('ReportSectionCollectors');

/** The section of the previous snapshot, when it had the data. */
export function previousSection<Key extends ReportSectionKey>(
  previous: ReportSnapshot | null,
  key: Key,
): Extract<ReportSections[Key], { status: 'available' }> | null {
  const section = previous?.sections[key];
  return section?.status === 'available'
    ? (section as Extract<ReportSections[Key], { status: 'available' }>)
    : null;
}
