import type {
  StatusReport as StatusReportResponse,
  StatusReportListItem,
} from '@bearing/contracts';
import { isWatermelon } from './health-rules.js';
import type { StatusReport } from './status-report.entity.js';
import { reportWeek } from './report-week.js';

/** For a report loaded with its publisher (when published). */
export function toReportListItem(report: StatusReport): StatusReportListItem {
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
    watermelon: isWatermelon(report.health, report.snapshot.sections),
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
    ...toReportListItem(report),
    summary: report.summary,
    highlights: report.highlights,
    lowlights: report.lowlights,
    asks: report.asks,
    snapshot: report.snapshot,
  };
}
