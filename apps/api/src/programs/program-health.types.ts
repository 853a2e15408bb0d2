import type { HealthSuggestion } from '@bearing/contracts';
import type { EntityManager } from 'typeorm';
import type { Program } from './program.entity.js';

/** What the program and portfolio read models add to the health stored on a program. */
export type ProgramHealthFacts = {
  watermelon: boolean;
  healthSuggestion: HealthSuggestion | null;
};

/**
 * Reads each program's health facts, as every view shows them. The status reports provide it
 * (`ProgramHealthReadModel`: their generator suggests a health the way a draft does) under
 * `PROGRAM_HEALTH`; programs inject it by that token instead of importing status reports, which
 * are built on programs.
 */
export interface ProgramHealthSource {
  of(
    manager: EntityManager,
    workspaceId: string,
    programs: readonly Program[],
  ): Promise<Map<string, ProgramHealthFacts>>;
}

export const PROGRAM_HEALTH = Symbol('PROGRAM_HEALTH');
