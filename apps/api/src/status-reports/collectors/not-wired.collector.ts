import type { ReportSectionKey, UnavailableSection } from '@bearing/contracts';
import type {
  AnySectionCollector,
  CollectedSection,
  ReportSectionCollector,
} from './report-section-collector.js';

/**
 * A section whose source is not connected to status reports yet. It says so in the snapshot
 * (`{ status: 'unavailable', reason }`) and gives no health reason: never made-up numbers.
 */
export class NotWiredCollector<
  Key extends ReportSectionKey,
> implements ReportSectionCollector<Key> {
  constructor(
    readonly section: Key,
    private readonly reason: string,
  ) {}

  collect(): Promise<CollectedSection<Key>> {
    // Every section's type is "its data | UnavailableSection".
    const data: UnavailableSection = { status: 'unavailable', reason: this.reason };
    return Promise.resolve({ data, reasons: [] });
  }
}

/*
 * The sections fed by features built alongside status reports: key results, guardrails and
 * check-ins by OKRs/KPIs/guardrails (issue 5), the teams' say/do by teams and sprints (issue 6).
 * Each is replaced by a real collector once its feature's services are stable; the snapshot
 * shapes they must fill are already in `@bearing/contracts` (status-reports.ts).
 */
export const NOT_WIRED_COLLECTORS: AnySectionCollector[] = [
  new NotWiredCollector(
    'sayDo',
    "The teams' say/do ratios are not connected to status reports yet.",
  ),
];
