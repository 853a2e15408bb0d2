export {
  keyResultProgress,
  type KeyResultKind,
  type KeyResultMeasure,
} from './key-result-progress.js';
export { objectiveProgress, type WeightedProgress } from './objective-progress.js';
export {
  objectiveRollup,
  type ObjectiveRollup,
  type ObjectiveRollupNode,
  type ObjectiveRollupOptions,
} from './objective-rollup.js';
export { expectedProgress } from './expected-progress.js';
export { okrAsOf } from './okr-as-of.js';
export { paceStatus, type PaceStatus, type PaceThresholds } from './pace-status.js';
export { okrScore } from './okr-score.js';
