import type { TeamSource } from './team-source.entity.js';

/**
 * What a source selects and how its issues are read. Saving a source with another selection
 * makes its next sync a full one; a sync that read under the selection before must then leave
 * that reset in place.
 */
export type SourceSelection = Pick<
  TeamSource,
  'connectionId' | 'jql' | 'boardId' | 'storyPointsField'
>;

export function sameSelection(first: SourceSelection, second: SourceSelection): boolean {
  return (
    first.connectionId === second.connectionId &&
    first.jql === second.jql &&
    first.boardId === second.boardId &&
    first.storyPointsField === second.storyPointsField
  );
}
