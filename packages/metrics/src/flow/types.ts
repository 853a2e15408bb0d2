import type { Day, Instant } from '../days/index.js';

/** A status an item moved into, and when. */
export type StatusChange = { at: Instant; to: string };

/** One work item's history: created in `initialStatus` at `createdAt`, then `changes`. */
export type WorkItemHistory = {
  id: string;
  createdAt: Instant;
  initialStatus: string;
  changes: StatusChange[];
};

/**
 * Ordered stages (the first is the backlog), each mapping one or more statuses. Cycle time runs
 * from `committedStage` to `doneStage`. A status may belong to one stage only.
 */
export type Workflow = {
  stages: { name: string; statuses: string[] }[];
  committedStage: string;
  doneStage: string;
};

/** Options shared by the flow metrics. */
export type FlowOptions = {
  /** IANA zone in which instants become days; default `UTC`. */
  timeZone?: string;
};

/** A range of days, both ends included. */
export type DayRange = { from: Day; to: Day };
