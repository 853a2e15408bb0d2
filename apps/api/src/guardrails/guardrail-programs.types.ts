import type { EntityManager } from 'typeorm';

/**
 * The programs that link guardrails. The programs feature owns those links and is built on
 * guardrails, so it provides this under `GUARDRAIL_PROGRAMS` (its global `ProgramLinksModule`)
 * rather than guardrails importing programs.
 */
export interface GuardrailPrograms {
  /**
   * SQL condition "the guardrail `alias` is linked to the program `:program`", for `?program=`;
   * the caller binds `program` and filters `alias` by workspace itself.
   */
  linkedToProgramCondition(alias: string): string;
  /** The programs linking each guardrail, each read within the guardrail's workspace. */
  programIdsOf(
    manager: EntityManager,
    guardrails: readonly { id: string; workspaceId: string }[],
  ): Promise<Map<string, string[]>>;
}

export const GUARDRAIL_PROGRAMS = Symbol('GUARDRAIL_PROGRAMS');
