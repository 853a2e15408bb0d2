import type { AgingWipResponse } from '@bearing/contracts';

export interface AgingPoint {
  /** The stage's column (its index among the in-progress stages) plus a small offset. */
  x: number;
  ageDays: number;
  key: string;
  title: string;
  stage: string;
}

export interface AgingWipChartData {
  /** Columns, in workflow order: the stages an in-progress item can be in. */
  stages: string[];
  points: AgingPoint[];
}

/** Widest spread of one column's dots either side of its centre, in columns. */
const SPREAD = 0.3;

/**
 * Places each item in progress in its stage's column. Items of one stage are spread evenly
 * across the column so that items of the same age do not hide one another.
 */
export function agingWipChartData(aging: AgingWipResponse): AgingWipChartData {
  const used = new Set(aging.items.map((item) => item.stage));
  // The API lists the workflow's stages; keep those with items, plus any unknown to it.
  const stages = [
    ...aging.stages.filter((stage) => used.has(stage)),
    ...[...used].filter((stage) => !aging.stages.includes(stage)),
  ];
  const points = stages.flatMap((stage, column) => {
    const items = aging.items.filter((item) => item.stage === stage);
    return items.map((item, index) => ({
      x: column + (items.length === 1 ? 0 : -SPREAD + (2 * SPREAD * index) / (items.length - 1)),
      ageDays: item.ageDays,
      key: item.key,
      title: item.title,
      stage,
    }));
  });
  return { stages, points };
}
