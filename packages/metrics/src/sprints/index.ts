export type { SprintEvent, SprintUnit, SprintWindow } from './sprint-types.js';
export {
  sprintBurndown,
  type SprintBurndown,
  type SprintBurndownDay,
  type SprintBurndownOptions,
} from './sprint-burndown.js';
export { sprintBurnup, type SprintBurnupDay } from './sprint-burnup.js';
export { sprintSummary, type SprintSummary } from './sprint-summary.js';
export { velocity, type SprintOutcome, type Velocity } from './velocity.js';
