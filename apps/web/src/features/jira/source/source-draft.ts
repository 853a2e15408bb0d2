import {
  JIRA_SYNC_INTERVAL_DEFAULT_MINUTES,
  type JiraSource,
  type TeamWorkflow,
} from '@bearing/contracts';
import type { StatusChoices } from '../../teams/import/status-mapping';
import type { StatusRow } from '../../teams/import/status-mapping-table';

/** The Source tab's form, as typed. */
export interface SourceValues {
  connectionId: string;
  jql: string;
  /** Digits as typed; `''` for none. */
  boardId: string;
  /** A field id; `''`: the team does not estimate in Jira. */
  storyPointsField: string;
  statuses: StatusChoices;
  intervalMinutes: number;
  enabled: boolean;
}

/** The intervals offered (the contract allows any from 15 minutes to 24 hours). */
export const INTERVAL_CHOICES = [15, 30, 60, 120, 240, 720, 1440] as const;

/** "15 min", "1 h", "24 h". */
export function intervalLabel(minutes: number): string {
  return minutes < 60 || minutes % 60 !== 0 ? `${minutes} min` : `${minutes / 60} h`;
}

/**
 * The statuses the mapping shows: every one the team's workflow lists (with its stage), then
 * those the source maps that the workflow does not know, then any the user added by name.
 */
export function statusRowsOf(workflow: TeamWorkflow, choices: StatusChoices): StatusRow[] {
  const rows: StatusRow[] = [];
  const seen = new Set<string>();
  for (const stage of workflow.stages) {
    for (const status of stage.statuses) {
      if (seen.has(status)) continue;
      seen.add(status);
      rows.push({ status, stage: stage.name });
    }
  }
  for (const status of Object.keys(choices)) {
    if (seen.has(status)) continue;
    seen.add(status);
    rows.push({ status, stage: null });
  }
  return rows;
}

/** The form's first values: the saved source, or a new one on the first connection. */
export function valuesOf(
  source: JiraSource | null,
  workflow: TeamWorkflow,
  firstConnectionId: string,
): SourceValues {
  const statuses: StatusChoices = {};
  for (const stage of workflow.stages) {
    for (const status of stage.statuses) statuses[status] = stage.name;
  }
  Object.assign(statuses, source?.statuses ?? {});
  return {
    connectionId: source?.connectionId ?? firstConnectionId,
    jql: source?.jql ?? '',
    boardId: source?.boardId === undefined ? '' : String(source.boardId),
    storyPointsField: source?.storyPointsField ?? '',
    statuses,
    intervalMinutes: source?.intervalMinutes ?? JIRA_SYNC_INTERVAL_DEFAULT_MINUTES,
    enabled: source?.enabled ?? true,
  };
}

/**
 * The `PUT` body: JQL and board only when given, every status with a stage chosen (the API
 * writes them into the team's workflow; those already there change nothing), none left out.
 */
export function requestOf(values: SourceValues, version?: number): unknown {
  const board = values.boardId.trim();
  return {
    connectionId: values.connectionId,
    ...(values.jql.trim() === '' ? {} : { jql: values.jql }),
    // A non-number stays a string, so the contract names the field.
    ...(board === '' ? {} : { boardId: /^\d+$/.test(board) ? Number(board) : board }),
    storyPointsField: values.storyPointsField === '' ? null : values.storyPointsField,
    statuses: Object.fromEntries(
      Object.entries(values.statuses).filter(([, stage]) => stage !== ''),
    ),
    intervalMinutes: values.intervalMinutes,
    enabled: values.enabled,
    // A saved source's version as the form loaded it: someone else's save since is a 409.
    ...(version === undefined ? {} : { version }),
  };
}
