export type { StatusChange, WorkItemHistory, Workflow, FlowOptions, DayRange } from './types.js';
export { stageEntryDays } from './stage-entry-days.js';
export { cycleTime, type ElapsedDaysOptions } from './cycle-time.js';
export { leadTime } from './lead-time.js';
export { throughput, type ThroughputOptions, type ThroughputBucket } from './throughput.js';
export { cumulativeFlow, type CumulativeFlowDay } from './cumulative-flow.js';
export { wip, type WipDay } from './wip.js';
export { agingWip, type AgingItem } from './aging-wip.js';
export {
  flowRecord,
  type FlowRecord,
  type FlowDayCounts,
  throughputOfDays,
  cumulativeFlowOfDays,
  wipOfDays,
  agingOfRecords,
  countsBetween,
  nearestRankOfCounts,
} from './flow-record.js';
