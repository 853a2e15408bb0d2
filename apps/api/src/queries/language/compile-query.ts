import type { CatalogTable } from '../catalog/catalog-table.js';
import type { NamedExpression, Operator, Position, Query, SortKey } from './query-ast.js';
import {
  compileExpression,
  type CompiledExpression,
  type ExpressionScope,
} from './compile-expression.js';
import { didYouMean } from './did-you-mean.js';
import { QueryCompileError } from './query-compile-error.js';
import type { Column } from './query-types.js';
import { type ComputedParameter, quoted, SqlParameters } from './sql-parameters.js';
import { lowerBoundOf } from './time-bound.js';

export type CompileOptions = {
  workspaceId: string;
  now: Date;
  tables: readonly CatalogTable[];
  /** At most this many rows come back; one more is read to tell that the answer was cut. */
  rowCap: number;
  /** Alert rules: only rows whose table's time column lies within this many ms before now. */
  lookbackMs?: number;
};

export type CompiledQuery = {
  sql: string;
  parameters: unknown[];
  /** Parameters that take rows computed for this run (`SourceContext.computed`), by index. */
  computed: ComputedParameter[];
  columns: Column[];
  render?: 'timechart' | 'barchart' | 'table';
  /** It reads a table of the flow read model, whose stale rows must be rebuilt before it runs. */
  readsFlowReadModel: boolean;
  /**
   * The operations that can fail on some data (an overflow, a date out of range), each with a
   * statement (same parameters) that computes it alone over its input rows — in the order the
   * data meets them: operator by operator, an expression's parts before it. When a run fails
   * so, the first of these that fails the same way is where.
   */
  risks: { at: Position; sql: string }[];
  /** A statement that reads the parameters and nothing else (they are fine if it runs). */
  parametersOnly: string;
};

/**
 * A relation between operators: a SELECT, its visible columns, whether rows carry an order, and
 * whether it aggregates (`summarize`, `distinct`: all its input is read before its first row).
 */
type Stage = {
  sql: string;
  columns: Column[];
  ordered: boolean;
  label: string;
  aggregated?: boolean;
};

/** The hidden column that carries `sort`'s order through the operators after it. */
const ORDER = '"__order"';

function fail(at: Position, message: string, suggestion?: string): never {
  throw new QueryCompileError(at, message, suggestion);
}

class Compiler {
  private aliases = 0;
  /** Some table read is one of the flow read model's (`CatalogTable.readsFlowReadModel`). */
  readsFlowReadModel = false;
  /** Operations that can fail on some data, each with the statement computing it alone. */
  readonly risks: { at: Position; sql: string }[] = [];

  constructor(
    private readonly options: CompileOptions,
    readonly params: SqlParameters,
  ) {}

  private alias(): string {
    this.aliases += 1;
    return `q${this.aliases}`;
  }

  private scope(stage: Stage, alias: string, aggregates = false): ExpressionScope {
    return {
      columns: stage.columns,
      alias,
      params: this.params,
      aggregates,
      relation: stage.label,
      risky: (at, compiled) => {
        // Every input row is computed (`count(x)` evaluates x for each); an aggregate, once.
        const value = compiled.aggregate ? compiled.sql : `count(${compiled.sql})`;
        this.risks.push({ at, sql: `SELECT ${value} FROM (${stage.sql}) AS ${alias}` });
      },
    };
  }

  private select(stage: Stage, alias: string, extra = ''): string {
    const columns = stage.columns.map((column) => `${alias}.${quoted(column.name)}`);
    if (stage.ordered) columns.push(`${alias}.${ORDER}`);
    return `SELECT ${[...columns, ...(extra ? [extra] : [])].join(', ')}`;
  }

  /** A table's rows; `leading`, the operator right after it (a `where` may bound its time). */
  table(name: { name: string; at: Position }, leading?: Operator): Stage {
    const table = this.options.tables.find((candidate) => candidate.name === name.name);
    if (!table) {
      const suggestion = didYouMean(
        name.name,
        this.options.tables.map((candidate) => candidate.name),
      );
      fail(
        name.at,
        `unknown table '${name.name}'${suggestion ? ` — did you mean '${suggestion}'?` : ''}`,
        suggestion,
      );
    }
    if (table.readsFlowReadModel) this.readsFlowReadModel = true;
    const columns = table.columns.map((column) => `${column.sql} AS ${quoted(column.name)}`);
    let where = '';
    const timeColumn = table.columns.find((column) => column.name === table.timeColumn);
    // The earliest time the statement reads of this table, for its computed rows: the lookback's
    // start, or a leading `where` on the time column's bound, whichever is later.
    const bounds: number[] = [];
    if (this.options.lookbackMs !== undefined && timeColumn) {
      const window = this.params.add(this.options.lookbackMs, 'double precision');
      where = ` AND ${timeColumn.sql} >= ${this.params.now()} - ${window} * interval '1 millisecond'`;
      // A millisecond early, as the statement computes the start in microseconds.
      bounds.push(Math.floor(this.options.now.getTime() - this.options.lookbackMs) - 1);
    }
    if (leading?.kind === 'where' && timeColumn) {
      const bound = lowerBoundOf(leading.predicate, timeColumn.name, this.options.now);
      if (bound) bounds.push(bound.getTime());
    }
    const since = bounds.length > 0 ? new Date(Math.max(...bounds)) : undefined;
    const source =
      typeof table.source === 'string'
        ? table.source
        : table.source({
            now: () => this.params.now(),
            computed: (key) =>
              this.params.computedRows(
                key,
                since && !Number.isNaN(since.getTime()) ? since : undefined,
              ),
          });
    return {
      sql: `SELECT ${columns.join(', ')} FROM ${source}${where}`,
      columns: table.columns.map(({ name: columnName, type }) => ({ name: columnName, type })),
      ordered: false,
      label: table.name,
    };
  }

  pipeline(query: Query): Stage {
    let stage = this.table(query.table, query.operators[0]);
    query.operators.forEach((operator, index) => {
      if (operator.kind === 'render' && index !== query.operators.length - 1) {
        fail(operator.at, "'render' must be the last operator");
      }
      stage = this.operator(stage, operator);
    });
    return stage;
  }

  private operator(stage: Stage, operator: Operator): Stage {
    const alias = this.alias();
    const from = `FROM (${stage.sql}) AS ${alias}`;
    switch (operator.kind) {
      case 'where': {
        const predicate = compileExpression(operator.predicate, this.scope(stage, alias));
        if (predicate.type !== 'bool')
          fail(operator.at, `'where' needs a true/false condition, not a ${predicate.type}`);
        return { ...stage, sql: `${this.select(stage, alias)} ${from} WHERE ${predicate.sql}` };
      }
      case 'project': {
        const outputs = this.named(operator.columns, this.scope(stage, alias), 'project');
        return this.withColumns(stage, alias, from, outputs, []);
      }
      case 'extend': {
        const outputs = this.named(operator.columns, this.scope(stage, alias), 'extend');
        const kept = stage.columns.filter(
          (column) => !outputs.some((output) => output.name === column.name),
        );
        return this.withColumns(stage, alias, from, outputs, kept);
      }
      case 'summarize':
        return this.summarize(stage, alias, from, operator.aggregates, operator.by, operator.at);
      case 'sort':
        return this.sort(stage, alias, from, operator.keys);
      case 'take':
        return this.take(stage, alias, from, operator.count);
      case 'top': {
        const sorted = this.sort(stage, alias, from, [operator.key]);
        const topAlias = this.alias();
        return this.take(sorted, topAlias, `FROM (${sorted.sql}) AS ${topAlias}`, operator.count);
      }
      case 'count':
        return {
          sql: `SELECT count(*)::bigint AS "Count" ${from}`,
          columns: [{ name: 'Count', type: 'long' }],
          ordered: false,
          label: 'the count',
        };
      case 'distinct': {
        const columns = operator.columns.map((name) => this.columnOf(stage, name.name, name.at));
        const list = columns.map((column) => `${alias}.${quoted(column.name)}`).join(', ');
        return {
          sql: `SELECT DISTINCT ${list} ${from}`,
          columns,
          ordered: false,
          label: stage.label,
          aggregated: true,
        };
      }
      case 'join':
        return this.join(stage, alias, operator);
      case 'render':
        return stage;
    }
  }

  private columnOf(stage: Stage, name: string, at: Position): Column {
    const column = stage.columns.find((candidate) => candidate.name === name);
    if (column) return column;
    const suggestion = didYouMean(
      name,
      stage.columns.map((candidate) => candidate.name),
    );
    return fail(
      at,
      `unknown column '${name}' in ${stage.label}${suggestion ? ` — did you mean '${suggestion}'?` : ''}`,
      suggestion,
    );
  }

  /** Names each expression as KQL does and refuses two outputs with one name. */
  private named(
    items: readonly NamedExpression[],
    scope: ExpressionScope,
    operator: string,
    taken: Set<string> = new Set(),
  ): (Column & { sql: string })[] {
    let unnamed = 0;
    return items.map((item) => {
      const compiled: CompiledExpression = compileExpression(item.expression, scope);
      if (operator === 'summarize' && !compiled.aggregate) {
        fail(
          item.expression.at,
          "each expression before 'by' must be an aggregate such as count() or avg(value)",
        );
      }
      let name: string;
      if (item.name) name = item.name.text;
      else if (item.expression.kind === 'column') name = item.expression.name;
      else if (item.expression.kind === 'call' && operator === 'summarize')
        name = aggregateName(item.expression);
      else if (
        item.expression.kind === 'call' &&
        item.expression.name === 'bin' &&
        item.expression.args[0]?.kind === 'column'
      )
        name = item.expression.args[0].name;
      else {
        unnamed += 1;
        name = `Column${unnamed}`;
      }
      const at = item.name?.at ?? item.expression.at;
      if (name.startsWith('__')) fail(at, `column names may not start with '__'`);
      if (taken.has(name))
        fail(at, `'${name}' is named twice in '${operator}' — give one another name with name = …`);
      taken.add(name);
      return { name, type: compiled.type, sql: compiled.sql };
    });
  }

  private withColumns(
    stage: Stage,
    alias: string,
    from: string,
    outputs: (Column & { sql: string })[],
    kept: Column[],
  ): Stage {
    const list = [
      ...kept.map((column) => `${alias}.${quoted(column.name)}`),
      ...outputs.map((output) => `${output.sql} AS ${quoted(output.name)}`),
      ...(stage.ordered ? [`${alias}.${ORDER}`] : []),
    ];
    return {
      sql: `SELECT ${list.join(', ')} ${from}`,
      columns: [...kept, ...outputs.map(({ name, type }) => ({ name, type }))],
      ordered: stage.ordered,
      label: stage.label,
      ...(stage.aggregated ? { aggregated: true } : {}),
    };
  }

  private summarize(
    stage: Stage,
    alias: string,
    from: string,
    aggregates: readonly NamedExpression[],
    by: readonly NamedExpression[],
    at: Position,
  ): Stage {
    if (aggregates.length === 0 && by.length === 0)
      fail(at, "'summarize' needs an aggregate or 'by' columns");
    const taken = new Set<string>();
    const groups = this.named(by, this.scope(stage, alias), 'summarize by', taken);
    const values = this.named(aggregates, this.scope(stage, alias, true), 'summarize', taken);
    const list = [...groups, ...values].map((output) => `${output.sql} AS ${quoted(output.name)}`);
    const groupBy =
      groups.length > 0 ? ` GROUP BY ${groups.map((_, index) => index + 1).join(', ')}` : '';
    return {
      sql: `SELECT ${list.join(', ')} ${from}${groupBy}`,
      columns: [...groups, ...values].map(({ name, type }) => ({ name, type })),
      ordered: false,
      label: 'the summary',
      aggregated: true,
    };
  }

  private sort(stage: Stage, alias: string, from: string, keys: readonly SortKey[]): Stage {
    const order = keys.map((key) => {
      const compiled = compileExpression(key.expression, this.scope(stage, alias));
      if (compiled.type === 'bool') fail(key.expression.at, 'cannot sort by a true/false value');
      // KQL: ascending puts empty values first, descending last.
      return `${compiled.sql} ${key.direction === 'asc' ? 'ASC NULLS FIRST' : 'DESC NULLS LAST'}`;
    });
    const columns = stage.columns.map((column) => `${alias}.${quoted(column.name)}`);
    // A later sort wins; an earlier one breaks its ties, as rows keep their order in KQL.
    if (stage.ordered) order.push(`${alias}.${ORDER}`);
    return {
      sql: `SELECT ${columns.join(', ')}, row_number() OVER (ORDER BY ${order.join(', ')}) AS ${ORDER} ${from}`,
      columns: stage.columns,
      ordered: true,
      label: stage.label,
    };
  }

  private take(stage: Stage, alias: string, from: string, count: number): Stage {
    const limit = this.params.add(count, 'double precision');
    const order = stage.ordered ? ` ORDER BY ${alias}.${ORDER}` : '';
    return { ...stage, sql: `${this.select(stage, alias)} ${from}${order} LIMIT ${limit}::bigint` };
  }

  private join(
    left: Stage,
    leftAlias: string,
    operator: Extract<Operator, { kind: 'join' }>,
  ): Stage {
    const right = this.pipeline(operator.right);
    const rightAlias = this.alias();
    const on = operator.on.map((name) => {
      const leftColumn = this.columnOf(left, name.name, name.at);
      const rightColumn = this.columnOf(right, name.name, name.at);
      if (leftColumn.type !== rightColumn.type) {
        fail(
          name.at,
          `'${name.name}' is a ${leftColumn.type} on the left and a ${rightColumn.type} on the right`,
        );
      }
      return `${leftAlias}.${quoted(name.name)} = ${rightAlias}.${quoted(name.name)}`;
    });
    // As in KQL, a right-hand column whose name the left already has gets a `1` appended.
    const names = new Set(left.columns.map((column) => column.name));
    const rightColumns = right.columns.map((column) => {
      let name = column.name;
      while (names.has(name)) name = `${name}1`;
      names.add(name);
      return { source: column.name, name, type: column.type };
    });
    const list = [
      ...left.columns.map((column) => `${leftAlias}.${quoted(column.name)}`),
      ...rightColumns.map(
        (column) => `${rightAlias}.${quoted(column.source)} AS ${quoted(column.name)}`,
      ),
    ];
    const kind = operator.flavour === 'leftouter' ? 'LEFT JOIN' : 'JOIN';
    return {
      sql: `SELECT ${list.join(', ')} FROM (${left.sql}) AS ${leftAlias} ${kind} (${right.sql}) AS ${rightAlias} ON ${on.join(' AND ')}`,
      columns: [...left.columns, ...rightColumns.map(({ name, type }) => ({ name, type }))],
      ordered: false,
      label: `the join of ${left.label} and ${right.label}`,
    };
  }
}

/** KQL's names for unnamed aggregates: `count()` → `count_`, `avg(value)` → `avg_value`. */
function aggregateName(call: Extract<NamedExpression['expression'], { kind: 'call' }>): string {
  const parts = call.args
    .map((argument) =>
      argument.kind === 'column'
        ? argument.name
        : argument.kind === 'number'
          ? String(argument.value)
          : '',
    )
    .filter((part) => part !== '');
  return parts.length === 0
    ? `${call.name}_`
    : `${call.name}_${parts.join('_').replace(/\./g, '_')}`;
}

/**
 * Compiles a parsed query to one parameterized SQL statement over the catalog's tables: every
 * table read carries the workspace filter (`$1`), every literal is a parameter, and the rows
 * come back in the query's order, at most `rowCap + 1` of them.
 */
export function compileQuery(query: Query, options: CompileOptions): CompiledQuery {
  const compiler = new Compiler(options, new SqlParameters(options.workspaceId, options.now));
  const stage = compiler.pipeline(query);
  const alias = 'result';
  const list = stage.columns.map((column) => `${alias}.${quoted(column.name)}`).join(', ');
  const order = stage.ordered ? ` ORDER BY ${alias}.${ORDER}` : '';
  const cap = compiler.params.add(options.rowCap + 1, 'double precision');
  const last = query.operators.at(-1);
  // The row cap's LIMIT makes PostgreSQL plan an unordered aggregation to start fast (sorting
  // its input, spilling to disk) on a guess of many groups; a materialized CTE is planned to
  // run in full — the hashed aggregation a hand-written GROUP BY gets, twice as fast on a
  // 90-day daily summary of a million points.
  const from =
    stage.aggregated && !stage.ordered
      ? `WITH ${alias} AS MATERIALIZED (${stage.sql}) SELECT ${list} FROM ${alias}`
      : `SELECT ${list} FROM (${stage.sql}) AS ${alias}${order}`;
  return {
    sql: `${from} LIMIT ${cap}::bigint`,
    parameters: compiler.params.values,
    computed: compiler.params.computed,
    columns: stage.columns,
    ...(last?.kind === 'render' ? { render: last.chart } : {}),
    readsFlowReadModel: compiler.readsFlowReadModel,
    risks: compiler.risks.map(({ at, sql }) => ({
      at,
      sql: `${compiler.params.declarations()} ${sql}`,
    })),
    parametersOnly: `${compiler.params.declarations()} SELECT count(*) FROM "__parameters"`,
  };
}
