import type { ProblemFieldError } from '@bearing/contracts';
import type { EntityManager } from 'typeorm';
import { ProblemException } from '../common/problem/problem.js';

/** Records of other features that programs link to by id. */
export type LinkedRecordKind = 'team' | 'objective' | 'guardrail';

/**
 * The port through which programs reach records they link to but do not own: teams (issue 6),
 * objectives and guardrails (issue 5). Programs only need to know whether an id is a record of
 * the workspace, and what to call it. Nest injects an implementation under this class; tests may
 * spy on it.
 */
export abstract class LinkedRecords {
  /**
   * Of `ids`, those that are records of `kind` in the workspace — or `null` when records of that
   * kind cannot be reached (their feature is not installed), so nothing can be linked.
   */
  abstract existing(
    manager: EntityManager,
    workspaceId: string,
    kind: LinkedRecordKind,
    ids: readonly string[],
  ): Promise<ReadonlySet<string> | null>;

  /** Display names of those `ids` that are records of `kind` in the workspace. */
  abstract names(
    manager: EntityManager,
    workspaceId: string,
    kind: LinkedRecordKind,
    ids: readonly string[],
  ): Promise<ReadonlyMap<string, string>>;
}

const PLURAL: Record<LinkedRecordKind, string> = {
  team: 'teams',
  objective: 'objectives',
  guardrail: 'guardrails',
};

/**
 * Refuses, with a 400 naming each offending entry (`teamIds.1`), ids that are not records of
 * `kind` in this workspace — an id of another workspace included.
 */
export async function assertLinkable(
  linkedRecords: LinkedRecords,
  manager: EntityManager,
  workspaceId: string,
  kind: LinkedRecordKind,
  ids: readonly string[],
  path: string,
): Promise<void> {
  if (ids.length === 0) return;
  const existing = await linkedRecords.existing(manager, workspaceId, kind, ids);
  if (existing === null) {
    throw ProblemException.validation([
      { path, message: `cannot link ${PLURAL[kind]} yet: that feature is not installed` },
    ]);
  }
  const errors: ProblemFieldError[] = ids.flatMap((id, index) =>
    existing.has(id)
      ? []
      : [{ path: `${path}.${index}`, message: `is not a ${kind} of this workspace` }],
  );
  if (errors.length > 0) throw ProblemException.validation(errors);
}
