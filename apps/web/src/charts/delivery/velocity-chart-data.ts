import type { VelocityResponse } from '@bearing/contracts';

export interface VelocityRow {
  sprintId: string;
  name: string;
  committed: number;
  completed: number;
  /** Completed from the commitment ÷ committed, from the API; `null` when nothing was committed. */
  sayDoRatio: number | null;
}

export interface VelocityChartData {
  rows: VelocityRow[];
  /** Mean completed over the window, from the API. */
  average: number | null;
  unit: VelocityResponse['unit'];
}

/** The velocity response as bars per sprint, oldest first. Nothing is computed here. */
export function velocityChartData(velocity: VelocityResponse): VelocityChartData {
  return {
    rows: velocity.outcomes.map((outcome) => ({
      sprintId: outcome.sprintId,
      name: outcome.name,
      committed: outcome.committed,
      completed: outcome.completed,
      sayDoRatio: outcome.sayDoRatio,
    })),
    average: velocity.average,
    unit: velocity.unit,
  };
}
