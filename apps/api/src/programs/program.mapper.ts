import type { Program as ProgramResponse } from '@bearing/contracts';
import type { ProgramHealthFacts } from './program-health.types.js';
import type { Program } from './program.entity.js';
import type { ProgramLinks } from './program-links.repository.js';

/** For a program loaded with its owner. */
export function toProgramResponse(
  program: Program,
  links: ProgramLinks,
  health: ProgramHealthFacts,
): ProgramResponse {
  if (!program.owner) throw new Error(`program ${program.id} loaded without its owner`);
  return {
    id: program.id,
    name: program.name,
    description: program.description,
    ownerId: program.ownerUserId,
    ownerName: program.owner.displayName,
    start: program.start,
    end: program.end,
    ...links,
    health: program.health,
    healthReason: program.healthReason,
    watermelon: health.watermelon,
    healthSuggestion: health.healthSuggestion,
    createdAt: program.createdAt.toISOString(),
    updatedAt: program.updatedAt.toISOString(),
    version: program.version,
  };
}
