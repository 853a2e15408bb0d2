import { Injectable } from '@nestjs/common';
import type { ProblemFieldError } from '@bearing/contracts';
import type { EntityManager } from 'typeorm';
import { ProblemException } from '../common/problem/problem.js';
import { guardrailNames } from '../guardrails/guardrail.repository.js';
import { objectiveTitles } from '../okrs/objectives/objective.repository.js';
import { teamNames } from '../teams/team.repository.js';

/** Records of other features that programs link to by id. */
export type LinkedRecordKind = 'team' | 'objective' | 'guardrail';

const NAMES_OF: Record<
  LinkedRecordKind,
  (
    manager: EntityManager,
    workspaceId: string,
    ids: readonly string[],
  ) => Promise<Map<string, string>>
> = { team: teamNames, objective: objectiveTitles, guardrail: guardrailNames };

/**
 * How programs reach the records they link to but do not own — teams, objectives, guardrails:
 * through the owning features' repositories, always within one workspace. Programs only need to
 * know whether an id is a record of the workspace, and what to call it.
 */
@Injectable()
export class LinkedRecords {
  /** Of `ids`, those that are records of `kind` in the workspace. */
  async existing(
    manager: EntityManager,
    workspaceId: string,
    kind: LinkedRecordKind,
    ids: readonly string[],
  ): Promise<ReadonlySet<string>> {
    return new Set((await this.names(manager, workspaceId, kind, ids)).keys());
  }

  /** Display names of those `ids` that are records of `kind` in the workspace. */
  async names(
    manager: EntityManager,
    workspaceId: string,
    kind: LinkedRecordKind,
    ids: readonly string[],
  ): Promise<ReadonlyMap<string, string>> {
    return NAMES_OF[kind](manager, workspaceId, ids);
  }
}

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
  const errors: ProblemFieldError[] = ids.flatMap((id, index) =>
    existing.has(id)
      ? []
      : [{ path: `${path}.${index}`, message: `is not a ${kind} of this workspace` }],
  );
  if (errors.length > 0) throw ProblemException.validation(errors);
}
