import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  QUERY_ROW_CAP,
  QUERY_TIMEOUT_MS,
  type QueryCatalog,
  type QueryResult,
} from '@bearing/contracts';
import { DataSource } from 'typeorm';
import { ClockService } from '../common/clock/clock.service.js';
import { FlowReadModel } from '../delivery/flow-read-model/flow-read-model.service.js';
import { ProblemException } from '../common/problem/problem.js';
import { isDatabaseUnavailable } from '../database/postgres-errors.js';
import { ComputedRows } from './catalog/computed-rows.service.js';
import { QUERY_TABLES } from './catalog/query-catalog.js';
import { compileQuery } from './language/compile-query.js';
import { QUERY_FUNCTIONS, QUERY_OPERATORS } from './language/query-words.js';
import { parseQuery, type QueryError } from './language/parse-query.js';
import { QueryCompileError } from './language/query-compile-error.js';
import { answerValue } from './query-values.js';
import { firstFailing, runReadOnlyQuery } from './query-runner.repository.js';
import type { CompiledQuery } from './language/compile-query.js';
import type { Operator, Position, Query } from './language/query-ast.js';

/** The query's parsed operators, for callers that append their own (`RunOptions.append`). */
export type { Operator, Position };

export type RunOptions = {
  /** Alert rules: only rows within this window of the run's time. */
  lookbackMs?: number;
  /** The run's "now" (alert rules pass the scheduled time); the clock's now otherwise. */
  now?: Date;
  /**
   * Alert rules: operators run after the query's own (its `render` dropped) — a rule's trigger
   * counted in the database when the query's rows are more than the row cap.
   */
  append?: readonly Operator[];
};

function refused(errors: QueryError[], detail: string): ProblemException {
  return ProblemException.validation(errors, detail);
}

/** SQLSTATE of a failed statement, if the error came from PostgreSQL. */
function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Runs queries of the query language over one workspace's data (docs/query-language.md):
 * parse, check against the catalog and compile to parameterized SQL (the workspace filter
 * added by the compiler), run read-only with a timeout and a row cap. Every mistake — in the
 * text, the types or the data — is a 400 naming where; never a 500.
 */
@Injectable()
export class QueriesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: ClockService,
    private readonly computedRows: ComputedRows,
    private readonly flowReadModel: FlowReadModel,
  ) {}

  catalog(): QueryCatalog {
    return {
      tables: QUERY_TABLES.map(({ name, description, columns }) => ({
        name,
        description,
        columns: columns.map((column) => ({
          name: column.name,
          type: column.type,
          description: column.description,
        })),
      })),
      operators: [...QUERY_OPERATORS],
      functions: [...QUERY_FUNCTIONS],
    };
  }

  /** Parses and checks a query without running it: its result's columns, or the 400. */
  columnsOf(workspaceId: string, text: string, path = 'query'): QueryResult['columns'] {
    return this.compile(workspaceId, text, {}, path).compiled.columns;
  }

  private compile(workspaceId: string, text: string, options: RunOptions, path = 'query') {
    // A rule's query is `query` of its body too; the path stays overridable for other bodies.
    const atPath = (errors: QueryError[]) => errors.map((error) => ({ ...error, path }));
    const parsed = parseQuery(text);
    if (!parsed.ok) throw refused(atPath(parsed.errors), 'The query is not valid.');
    const now = options.now ?? this.clock.now();
    const query: Query = options.append
      ? {
          ...parsed.query,
          operators: [
            ...parsed.query.operators.filter((operator) => operator.kind !== 'render'),
            ...options.append,
          ],
        }
      : parsed.query;
    try {
      const compiled = compileQuery(query, {
        workspaceId,
        now,
        tables: QUERY_TABLES,
        rowCap: QUERY_ROW_CAP,
        ...(options.lookbackMs === undefined ? {} : { lookbackMs: options.lookbackMs }),
      });
      return { compiled, query, now };
    } catch (error) {
      if (error instanceof QueryCompileError) {
        throw refused(atPath([error.error]), 'The query is not valid.');
      }
      throw error;
    }
  }

  async run(workspaceId: string, text: string, options: RunOptions = {}): Promise<QueryResult> {
    const { compiled, query, now } = this.compile(workspaceId, text, options);
    const started = performance.now();
    // The read-only transaction cannot rebuild rows computed with an old workflow or time zone,
    // or left stale by a sync that died: they are rebuilt first, as a dashboard's read would.
    if (compiled.readsFlowReadModel) await this.flowReadModel.refreshStaleTeams(workspaceId);
    let rows: Record<string, unknown>[];
    try {
      rows = await runReadOnlyQuery(
        this.dataSource,
        compiled.sql,
        compiled.parameters,
        QUERY_TIMEOUT_MS,
        (manager) => this.computedRows.fill(manager, query, compiled, { workspaceId, now }),
      );
    } catch (error) {
      throw await this.runFailure(error, query, compiled);
    }
    const elapsedMs = Math.round((performance.now() - started) * 10) / 10;
    const truncated = rows.length > QUERY_ROW_CAP;
    const kept = truncated ? rows.slice(0, QUERY_ROW_CAP) : rows;
    return {
      columns: compiled.columns,
      rows: kept.map((row) =>
        Object.fromEntries(
          compiled.columns.map((column) => [column.name, answerValue(column, row[column.name])]),
        ),
      ),
      stats: { rowCount: kept.length, truncated, elapsedMs },
      ...(compiled.render ? { render: compiled.render } : {}),
    };
  }

  /**
   * A query the database could not finish: too slow, or data it cannot compute (a 400). The
   * latter names the operation that failed when one of the query's can be shown to — computed
   * alone over its input rows, it fails the same way — and the query's table otherwise.
   */
  private async runFailure(
    error: unknown,
    query: Query,
    compiled: CompiledQuery,
  ): Promise<unknown> {
    if (isDatabaseUnavailable(error)) return error;
    const state = sqlState(error);
    const start = { path: 'query' as const, ...query.table.at };
    if (state === '57014') {
      return refused(
        [
          {
            ...start,
            message: `the query ran longer than ${QUERY_TIMEOUT_MS / 1000} s and was stopped — narrow it with where, take or a shorter time range`,
          },
        ],
        'The query took too long.',
      );
    }
    // 54: the statement is too complex — the whole query is.
    if (state?.startsWith('54')) {
      return refused(
        [{ ...start, message: `the query cannot be computed: ${messageOf(error)}` }],
        'The query cannot be computed.',
      );
    }
    // 22: data exceptions (an overflow, a date out of range).
    if (state?.startsWith('22')) {
      const at = (await this.failedOperation(error, compiled)) ?? query.table.at;
      return refused(
        [{ path: 'query', ...at, message: `the query cannot be computed: ${messageOf(error)}` }],
        'The query cannot be computed.',
      );
    }
    return error;
  }

  /** The first operation of the query that, computed alone, fails as the run did. */
  private async failedOperation(
    failure: unknown,
    compiled: CompiledQuery,
  ): Promise<Position | undefined> {
    const risks = compiled.risks.slice(0, MAX_DIAGNOSED);
    if (risks.length === 0) return undefined;
    const same = (error: unknown) =>
      sqlState(error) === sqlState(failure) && messageOf(error) === messageOf(failure);
    try {
      // First the parameters alone: a value PostgreSQL refuses would fail every statement.
      const index = await firstFailing(
        this.dataSource,
        [compiled.parametersOnly, ...risks.map((risk) => risk.sql)],
        compiled.parameters,
        QUERY_TIMEOUT_MS,
        same,
      );
      return index === undefined || index === 0 ? undefined : risks[index - 1]?.at;
    } catch (error) {
      // Looking for the place must not hide the answer: the query's start then.
      if (isDatabaseUnavailable(error)) throw error;
      return undefined;
    }
  }
}

/** At most this many operations are computed alone to find the one that failed. */
const MAX_DIAGNOSED = 25;

const messageOf = (error: unknown) =>
  error instanceof Error ? error.message : 'the data cannot be computed';
