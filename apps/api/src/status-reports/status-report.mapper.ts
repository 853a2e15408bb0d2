import type {
  ReportSections,
  StatusReport as StatusReportResponse,
  StatusReportListItem,
} from '@bearing/contracts';
import { isWatermelon } from './health-rules.js';
import type { StatusReport } from './status-report.entity.js';
import { reportWeek } from './report-week.js';

/** What a list item shows of a report: every column but its words and snapshot. */
export type ReportListFields = Pick<
  StatusReport,
  | 'id'
  | 'programId'
  | 'week'
  | 'state'
  | 'health'
  | 'healthReason'
  | 'suggestedHealth'
  | 'generatedAt'
  | 'publishedAt'
  | 'publishedBy'
  | 'createdAt'
  | 'updatedAt'
  | 'version'
>;

/**
 * For a report loaded with its publisher (when published), and the two sections of its snapshot
 * the watermelon rule reads — a list never needs the rest of the snapshot.
 */
export function toReportListItem(
  report: ReportListFields,
  sections: Pick<ReportSections, 'keyResults' | 'guardrails'>,
): StatusReportListItem {
  return {
    id: report.id,
    programId: report.programId,
    week: report.week,
    weekEnd: reportWeek(report.week).end,
    state: report.state,
    health: report.health,
    healthReason: report.healthReason,
    suggestedHealth: report.suggestedHealth,
    healthOverridden: report.health !== report.suggestedHealth,
    watermelon: isWatermelon(report.health, sections),
    generatedAt: report.generatedAt.toISOString(),
    publishedAt: report.publishedAt?.toISOString() ?? null,
    publishedBy: report.publishedBy
      ? { id: report.publishedBy.id, displayName: report.publishedBy.displayName }
      : null,
    createdAt: report.createdAt.toISOString(),
    updatedAt: report.updatedAt.toISOString(),
    version: report.version,
  };
}

export function toReportResponse(report: StatusReport): StatusReportResponse {
  return {
    ...toReportListItem(report, report.snapshot.sections),
    summary: report.summary,
    highlights: report.highlights,
    lowlights: report.lowlights,
    asks: report.asks,
    snapshot: report.snapshot,
  };
}
