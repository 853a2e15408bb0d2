import type { ImportResult } from '@bearing/contracts';

/** Each status found in the file → the stage chosen for it; `''` = left unmapped. */
export type StatusChoices = Record<string, string>;

/**
 * The mapping step's starting point: every status the dry run found, with the stage the team's
 * workflow already gives it; statuses the workflow does not know start unmapped.
 */
export function initialStatusChoices(result: ImportResult): StatusChoices {
  return Object.fromEntries(result.statuses.map(({ status, stage }) => [status, stage ?? '']));
}

/**
 * The `mapping.statuses` to send: only the statuses whose stage the user set or changed. A
 * real import writes these into the team's workflow, so statuses left as the workflow has
 * them are not sent, and neither are those left unmapped.
 */
export function statusMappingOf(
  choices: StatusChoices,
  discovered: ImportResult,
): Record<string, string> {
  const mapping: Record<string, string> = {};
  for (const { status, stage } of discovered.statuses) {
    const chosen = choices[status] ?? '';
    if (chosen !== '' && chosen !== stage) mapping[status] = chosen;
  }
  return mapping;
}

/** Statuses still without a stage: the flow metrics will ignore time spent in them. */
export function unmappedStatuses(choices: StatusChoices): string[] {
  return Object.entries(choices)
    .filter(([, stage]) => stage === '')
    .map(([status]) => status);
}
