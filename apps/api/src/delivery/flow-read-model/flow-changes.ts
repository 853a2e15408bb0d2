import type { ItemFlowRow, TeamFlowDayRow } from './flow-read-model.repository.js';

/**
 * How a change of some items moves the team's stored rows, without reading the others: what an
 * item adds to `team_flow_day` is its done day (with its cycle and lead time) and, with history,
 * the day it entered each stage. Removing an item's old row and adding its new one is therefore
 * a per-day delta; the days before the first day any of them touches keep their rows, and the
 * running counts of every later day move by the deltas summed so far. `teamFlowRows` (the full
 * rebuild) stays the definition: `test/flow-read-model-changes.spec.ts` compares the two.
 */

/** What a row adds to the team's days. */
export type FlowContribution = Pick<
  ItemFlowRow,
  'hasHistory' | 'entryDays' | 'doneDay' | 'cycleTime' | 'leadTime'
>;

type DayDelta = {
  done: number;
  entered: number[];
  cycle: Map<number, number>;
  lead: Map<number, number>;
};

/** The first day any of the rows adds to; `null` when none adds to any day. */
export function firstTouchedDay(rows: readonly FlowContribution[]): number | null {
  let first: number | null = null;
  const see = (day: number | null) => {
    if (day !== null && (first === null || day < first)) first = day;
  };
  for (const row of rows) {
    see(row.doneDay);
    if (row.hasHistory) row.entryDays.forEach(see);
  }
  return first;
}

/**
 * The team's day rows from the first touched day on, once `removed` rows are taken out and
 * `added` ones put in. `before` is the stored row of the last day before that day (or `null`),
 * `stored` the stored rows from that day on, in day order. Days left with nothing on them are
 * left out, as the full rebuild leaves them out.
 */
export function changedDays(
  stageCount: number,
  before: TeamFlowDayRow | null,
  stored: readonly TeamFlowDayRow[],
  removed: readonly FlowContribution[],
  added: readonly FlowContribution[],
): TeamFlowDayRow[] {
  const deltas = new Map<number, DayDelta>();
  const deltaOf = (day: number) => {
    let delta = deltas.get(day);
    if (delta === undefined) {
      delta = {
        done: 0,
        entered: new Array<number>(stageCount).fill(0),
        cycle: new Map(),
        lead: new Map(),
      };
      deltas.set(day, delta);
    }
    return delta;
  };
  const bump = (counts: Map<number, number>, value: number | null, sign: number) => {
    if (value !== null) counts.set(value, (counts.get(value) ?? 0) + sign);
  };
  const apply = (row: FlowContribution, sign: number) => {
    if (row.doneDay !== null) {
      const delta = deltaOf(row.doneDay);
      delta.done += sign;
      bump(delta.cycle, row.cycleTime, sign);
      bump(delta.lead, row.leadTime, sign);
    }
    if (!row.hasHistory) return;
    row.entryDays.forEach((day, stage) => {
      if (day === null) return;
      const entered = deltaOf(day).entered;
      entered[stage] = (entered[stage] as number) + sign;
    });
  };
  for (const row of removed) apply(row, -1);
  for (const row of added) apply(row, 1);

  const storedByDay = new Map(stored.map((row) => [row.day, row]));
  const days = [...new Set([...storedByDay.keys(), ...deltas.keys()])].sort(
    (first, second) => first - second,
  );
  // The stored running counts in force (the last stored day's) and the deltas summed so far.
  let storedDoneThrough = before?.doneThrough ?? 0;
  let storedCycle: readonly number[] = before?.cycleCountsThrough ?? [];
  let storedLead: readonly number[] = before?.leadCountsThrough ?? [];
  let doneDelta = 0;
  const cycleDelta = new Map<number, number>();
  const leadDelta = new Map<number, number>();
  const rows: TeamFlowDayRow[] = [];
  for (const day of days) {
    const storedDay = storedByDay.get(day);
    if (storedDay) {
      storedDoneThrough = storedDay.doneThrough;
      storedCycle = storedDay.cycleCountsThrough;
      storedLead = storedDay.leadCountsThrough;
    }
    const delta = deltas.get(day);
    if (delta) {
      doneDelta += delta.done;
      for (const [value, count] of delta.cycle)
        cycleDelta.set(value, (cycleDelta.get(value) ?? 0) + count);
      for (const [value, count] of delta.lead)
        leadDelta.set(value, (leadDelta.get(value) ?? 0) + count);
    }
    const done = (storedDay?.done ?? 0) + (delta?.done ?? 0);
    const entered = Array.from(
      { length: stageCount },
      (_, stage) => (storedDay?.entered[stage] ?? 0) + (delta?.entered[stage] ?? 0),
    );
    if (done < 0 || entered.some((count) => count < 0)) {
      throw new Error(`the flow rows of day ${day} would count below zero`);
    }
    if (done === 0 && entered.every((count) => count === 0)) continue;
    rows.push({
      day,
      done,
      entered,
      doneThrough: storedDoneThrough + doneDelta,
      cycleCountsThrough: withDelta(storedCycle, cycleDelta, day),
      leadCountsThrough: withDelta(storedLead, leadDelta, day),
    });
  }
  return rows;
}

/**
 * Running counts plus their deltas, as long as the full rebuild makes them: up to the largest
 * value counted, so never ending in a zero.
 */
function withDelta(counts: readonly number[], delta: Map<number, number>, day: number): number[] {
  let length = counts.length;
  for (const value of delta.keys()) length = Math.max(length, value + 1);
  const result = new Array<number>(length);
  for (let value = 0; value < length; value++) {
    const count = (counts[value] ?? 0) + (delta.get(value) ?? 0);
    if (count < 0) throw new Error(`the running counts of day ${day} would go below zero`);
    result[value] = count;
  }
  while (result.length > 0 && result[result.length - 1] === 0) result.pop();
  return result;
}

/** A finished item as ranks are given: in (done day, key) order, ties in creation order. */
export type RankedItem = {
  id: string;
  key: string;
  doneDay: number;
  /** Creation instant in epoch ms and id: the order `loadFlowItems` reads items in. */
  createdAt: number;
};

/**
 * Ranks from `first` on for `items` — every finished item of the team from some done day on —
 * in the order `teamFlowRows` ranks them: done day, then key, then creation order.
 */
export function ranksFrom(first: number, items: readonly RankedItem[]): Map<string, number> {
  const sorted = [...items].sort(
    (one, other) =>
      one.doneDay - other.doneDay ||
      one.key.localeCompare(other.key) ||
      one.createdAt - other.createdAt ||
      (one.id < other.id ? -1 : one.id > other.id ? 1 : 0),
  );
  return new Map(sorted.map((item, index) => [item.id, first + index]));
}
