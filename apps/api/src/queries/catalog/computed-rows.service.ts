import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { FlowService } from '../../delivery/flow.service.js';
import { SprintReportsService } from '../../delivery/sprint-reports.service.js';
import { OkrQueryRows } from '../../okrs/okr-query-rows.service.js';
import { ProgramQueryRows } from '../../programs/program-query-rows.service.js';
import type { CompiledQuery } from '../language/compile-query.js';
import type { Query } from '../language/query-ast.js';
import type { ComputedParameter } from '../language/sql-parameters.js';
import { DEPENDENCY_ROWS } from './tables/dependencies.table.js';
import { KEY_RESULT_ROWS } from './tables/key-results.table.js';
import { MILESTONE_ROWS } from './tables/milestones.table.js';
import { OBJECTIVE_ROWS } from './tables/objectives.table.js';
import { RAID_ROWS } from './tables/raid-items.table.js';
import { SPRINT_FIGURES } from './tables/sprints.table.js';
import { WORK_ITEM_AGES } from './tables/work-items.table.js';

/**
 * Whose rows, as of when: the run's workspace and "now". `since`: the statement reads only the
 * rows its table's time column places at or after it (a rule's lookback, a leading `where`), so
 * a loader may leave out the earlier ones.
 */
export type ComputedRowsScope = { workspaceId: string; now: Date; since?: Date };

type Loader = {
  load(manager: EntityManager, scope: ComputedRowsScope): Promise<object[]>;
  /** Load only when the query names a column like this (else the rows cannot show). */
  onlyWhenNamed?: RegExp;
};

/**
 * Rows of the catalog that are computed in TypeScript, by the owning features' services and so
 * by `@bearing/metrics`, exactly as the dashboards compute them — no formula is written twice in
 * SQL. They are loaded inside the query's read-only transaction, only for the tables the compiled
 * query reads (and a column's rows only when the query can show that column), and handed to the
 * statement as `jsonb` parameters.
 */
@Injectable()
export class ComputedRows {
  private readonly loaders: Record<string, Loader>;

  constructor(
    sprintReports: SprintReportsService,
    flow: FlowService,
    programs: ProgramQueryRows,
    okrs: OkrQueryRows,
  ) {
    this.loaders = {
      [SPRINT_FIGURES]: {
        // Only the sprints the statement can read: those ending in a rule's lookback or after a
        // leading `where end >= …` (the stored columns come from the sprint table).
        load: (manager, { workspaceId, since }) =>
          sprintReports.workspaceSprintOutcomes(manager, workspaceId, { endsFrom: since }),
        onlyWhenNamed: /^(committed|completed|added|removed|sayDo)1*$/,
      },
      [WORK_ITEM_AGES]: {
        load: (manager, { workspaceId, now }) => flow.workspaceAges(manager, workspaceId, now),
        // A join names a right-hand column the left already has `ageDays1`.
        onlyWhenNamed: /^ageDays1*$/,
      },
      [MILESTONE_ROWS]: {
        // An open milestone past its date is late up to the run's UTC day, as on its page.
        load: (manager, { workspaceId, now }) =>
          programs.milestones(manager, workspaceId, now.toISOString().slice(0, 10)),
      },
      [RAID_ROWS]: {
        load: (manager, { workspaceId }) => programs.raidItems(manager, workspaceId),
      },
      [DEPENDENCY_ROWS]: {
        // The dependencies page judges "overdue" against the clock's UTC day.
        load: (manager, { workspaceId, now }) =>
          programs.dependencies(manager, workspaceId, now.toISOString().slice(0, 10)),
      },
      // The OKR pages' numbers as of the run's UTC day (the clock's day, as the pages').
      [OBJECTIVE_ROWS]: {
        load: (manager, { workspaceId, now }) =>
          okrs.objectives(manager, workspaceId, now.toISOString().slice(0, 10)),
        onlyWhenNamed: /^(progress|expectedProgress|pace)1*$/,
      },
      [KEY_RESULT_ROWS]: {
        load: (manager, { workspaceId, now }) =>
          okrs.keyResults(manager, workspaceId, now.toISOString().slice(0, 10)),
        onlyWhenNamed:
          /^(current|progress|expectedProgress|pace|lastCheckIn|checkInDue|checkInDueOn)1*$/,
      },
    };
  }

  /**
   * Fills the compiled query's computed parameters that it needs, each key's rows loaded once.
   * `query` is the parsed text: a column it never names and that is not in the result cannot
   * change the answer, so its rows are not loaded.
   */
  async fill(
    manager: EntityManager,
    query: Query,
    compiled: Pick<CompiledQuery, 'parameters' | 'computed' | 'columns'>,
    scope: Omit<ComputedRowsScope, 'since'>,
  ): Promise<void> {
    if (compiled.computed.length === 0) return;
    const names = namesIn(query);
    for (const column of compiled.columns) names.add(column.name);
    const loaded = new Map<string, string>();
    for (const { key, index } of compiled.computed) {
      const loader = this.loaders[key];
      if (!loader) throw new Error(`no loader for the computed rows '${key}'`);
      const { onlyWhenNamed } = loader;
      if (onlyWhenNamed && ![...names].some((name) => onlyWhenNamed.test(name))) continue;
      let rows = loaded.get(key);
      if (rows === undefined) {
        const since = earliestOf(compiled.computed.filter((parameter) => parameter.key === key));
        rows = JSON.stringify(
          await loader.load(manager, { ...scope, ...(since ? { since } : {}) }),
        );
        loaded.set(key, rows);
      }
      compiled.parameters[index] = rows;
    }
  }
}

/**
 * The earliest `since` of every read of one key's rows (one set of rows serves them all), or
 * none when a read has no bound.
 */
function earliestOf(reads: readonly ComputedParameter[]): Date | undefined {
  let earliest: Date | undefined;
  for (const { since } of reads) {
    if (!since) return undefined;
    if (!earliest || since < earliest) earliest = since;
  }
  return earliest;
}

/** Every name the parsed query mentions: columns, output names, `on` and `distinct` lists. */
function namesIn(node: unknown, names = new Set<string>()): Set<string> {
  if (Array.isArray(node)) {
    for (const item of node) namesIn(item, names);
  } else if (node !== null && typeof node === 'object') {
    for (const [field, value] of Object.entries(node)) {
      if (field === 'name' && typeof value === 'string') names.add(value);
      else if (field === 'text' && typeof value === 'string') names.add(value);
      else namesIn(value, names);
    }
  }
  return names;
}
