import type { ProgramHealth, StatusReport } from '@bearing/contracts';

/** The editable words of a draft, as the form holds them: lists one item per line. */
export interface ReportDraftFields {
  health: ProgramHealth;
  healthReason: string;
  summary: string;
  highlights: string;
  lowlights: string;
  asks: string;
}

export function draftFieldsOf(report: StatusReport): ReportDraftFields {
  return {
    health: report.health,
    healthReason: report.healthReason ?? '',
    summary: report.summary,
    highlights: report.highlights.join('\n'),
    lowlights: report.lowlights.join('\n'),
    asks: report.asks.join('\n'),
  };
}

/** One item per non-blank line, trimmed. */
export function linesToItems(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/** The PATCH body for the fields (without the version). */
export function draftRequestOf(fields: ReportDraftFields) {
  return {
    health: fields.health,
    healthReason: fields.healthReason.trim() || null,
    summary: fields.summary,
    highlights: linesToItems(fields.highlights),
    lowlights: linesToItems(fields.lowlights),
    asks: linesToItems(fields.asks),
  };
}

/** Whether the report's saved words are `fields`, as they would be sent. */
export function sameWords(report: StatusReport, fields: ReportDraftFields): boolean {
  const normalise = (value: ReportDraftFields) => JSON.stringify(draftRequestOf(value));
  return normalise(fields) === normalise(draftFieldsOf(report));
}

/** Whether the form differs from the saved report. */
export function isDirty(fields: ReportDraftFields, report: StatusReport): boolean {
  return !sameWords(report, fields);
}
