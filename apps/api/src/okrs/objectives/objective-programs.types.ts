import type { EntityManager } from 'typeorm';

/**
 * The programs that link objectives. The programs feature owns those links and is built on
 * OKRs, so it provides this under `OBJECTIVE_PROGRAMS` (its global `ProgramLinksModule`) rather
 * than OKRs importing programs.
 */
export interface ObjectivePrograms {
  /**
   * SQL condition "the objective `alias` is linked to the program `:program`", for `?program=`;
   * the caller binds `program` and filters `alias` by workspace itself.
   */
  linkedToProgramCondition(alias: string): string;
  /** The programs linking each objective, each read within the objective's workspace. */
  programIdsOf(
    manager: EntityManager,
    objectives: readonly { id: string; workspaceId: string }[],
  ): Promise<Map<string, string[]>>;
}

export const OBJECTIVE_PROGRAMS = Symbol('OBJECTIVE_PROGRAMS');
