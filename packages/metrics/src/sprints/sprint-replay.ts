/*
 * Replays a sprint's events. Shared by `sprintBurndown` and `sprintSummary`, not exported from
 * the package: the rules below are documented on those functions and in the README.
 *
 * Rules:
 * - Events are applied in time order; events at the same instant keep the order given.
 * - `added` brings an item into scope at the points it carries. An `added` for an item already
 *   in scope is ignored.
 * - `removed` takes an item out of scope; ignored when the item is not in scope.
 * - `estimated`, `completed` and `reopened` are ignored while the item is not in scope (never
 *   added, or removed): the sprint only knows what happened to its own items. A removed item
 *   that is added back keeps the completion state it had when it was removed.
 * - `completed` of a completed item and `reopened` of an open item are ignored.
 */
import { instantToEpochMs } from '../days/index.js';
import type { SprintEvent, SprintUnit, SprintWindow } from './sprint-types.js';

export type ItemState = { inScope: boolean; points: number; completed: boolean };

/** What one event did to the sprint, measured in the chosen unit at the moment of the event. */
export type EventEffect = { added: number; removed: number; completed: number };

export type TimedEvent = { event: SprintEvent; epochMs: number };

export type PreparedSprint = {
  startMs: number;
  endMs: number;
  /** The sprint is closed at `completedAt`, or at `end` when it has not been closed. */
  closeMs: number;
  events: TimedEvent[];
};

const EVENT_TYPES: ReadonlySet<string> = new Set([
  'added',
  'removed',
  'estimated',
  'completed',
  'reopened',
]);

/** Validates the window and the events and returns the events in replay order. */
export function prepareSprint(
  sprint: SprintWindow,
  events: readonly SprintEvent[],
): PreparedSprint {
  const startMs = instantToEpochMs(sprint.start, 'sprint.start');
  const endMs = instantToEpochMs(sprint.end, 'sprint.end');
  if (endMs < startMs) {
    throw new RangeError(`sprint.end (${sprint.end}) is before sprint.start (${sprint.start})`);
  }
  let closeMs = endMs;
  if (sprint.completedAt !== undefined && sprint.completedAt !== null) {
    closeMs = instantToEpochMs(sprint.completedAt, 'sprint.completedAt');
    if (closeMs < startMs) {
      throw new RangeError(
        `sprint.completedAt (${sprint.completedAt}) is before sprint.start (${sprint.start})`,
      );
    }
  }
  const timed = events.map((event, index) => {
    validateEvent(event, index);
    return { event, epochMs: instantToEpochMs(event.at, `events[${index}].at`) };
  });
  // Array.prototype.sort is stable, so simultaneous events keep the order given.
  timed.sort((a, b) => a.epochMs - b.epochMs);
  return { startMs, endMs, closeMs, events: timed };
}

function validateEvent(event: SprintEvent, index: number): void {
  if (!EVENT_TYPES.has(event.type)) {
    throw new RangeError(`events[${index}].type is not a sprint event type: ${String(event.type)}`);
  }
  if (typeof event.itemId !== 'string') {
    throw new RangeError(`events[${index}].itemId must be a string`);
  }
  if (event.type === 'added' || event.type === 'estimated') {
    if (!Number.isFinite(event.points) || event.points < 0) {
      throw new RangeError(
        `events[${index}].points must be a finite number ≥ 0, got ${String(event.points)}`,
      );
    }
  }
}

export function assertUnit(unit: string): asserts unit is SprintUnit {
  if (unit !== 'points' && unit !== 'count') {
    throw new RangeError(`unit must be 'points' or 'count', got ${String(unit)}`);
  }
}

/** An item's size in the chosen unit: its latest estimate, or 1 when counting items. */
export function sizeOf(item: ItemState, unit: SprintUnit): number {
  return unit === 'count' ? 1 : item.points;
}

/** Applies one event to `items` (mutating the replay's own state) and reports its effect. */
export function applyEvent(
  items: Map<string, ItemState>,
  event: SprintEvent,
  unit: SprintUnit,
): EventEffect {
  const effect: EventEffect = { added: 0, removed: 0, completed: 0 };
  const item = items.get(event.itemId);
  if (event.type === 'added') {
    if (item?.inScope) return effect;
    const next: ItemState = {
      inScope: true,
      points: event.points,
      completed: item?.completed ?? false,
    };
    items.set(event.itemId, next);
    effect.added = sizeOf(next, unit);
    return effect;
  }
  if (!item?.inScope) return effect;
  switch (event.type) {
    case 'removed':
      item.inScope = false;
      effect.removed = sizeOf(item, unit);
      break;
    case 'estimated':
      item.points = event.points;
      break;
    case 'completed':
      if (!item.completed) {
        item.completed = true;
        effect.completed = sizeOf(item, unit);
      }
      break;
    case 'reopened':
      if (item.completed) {
        item.completed = false;
        effect.completed = -sizeOf(item, unit);
      }
      break;
  }
  return effect;
}

/** Sum of the sizes of the items that pass `keep`. */
export function totalOf(
  items: Map<string, ItemState>,
  unit: SprintUnit,
  keep: (item: ItemState) => boolean,
): number {
  let total = 0;
  for (const item of items.values()) if (keep(item)) total += sizeOf(item, unit);
  return total;
}
