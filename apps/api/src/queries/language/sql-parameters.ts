/**
 * A parameter that takes rows computed in TypeScript (`SourceContext.computed`), by index. With
 * `since`, the statement reads only rows its table places at or after that instant (a rule's
 * lookback, a leading `where` on the table's time column): the others need not be computed.
 */
export type ComputedParameter = { key: string; index: number; since?: Date };

/**
 * The values a compiled query sends beside its text: every literal of the query becomes a
 * numbered parameter, so no text a user wrote is ever part of the SQL. `$1` is always the
 * workspace, set by the server; so is the run's "now", added where the query uses it.
 */
export class SqlParameters {
  readonly values: unknown[];
  /** Parameters whose value (rows computed in TypeScript) the runner fills in before running. */
  readonly computed: ComputedParameter[] = [];
  /** Each parameter's SQL type, in order. */
  private readonly casts: string[] = ['uuid'];
  private nowPlaceholder: string | undefined;

  constructor(
    workspaceId: string,
    private readonly nowValue: Date,
  ) {
    this.values = [workspaceId];
  }

  /**
   * A WITH clause that names every parameter with its type, for a statement that reads only some
   * of them (PostgreSQL needs each parameter's type) and takes the same values.
   */
  declarations(): string {
    const list = this.casts.map((cast, index) => `$${index + 1}::${cast} AS "p${index + 1}"`);
    return `WITH "__parameters" AS (SELECT ${list.join(', ')})`;
  }

  /** `now()`, `ago()` and lookback windows: one parameter however often they appear. */
  now(): string {
    this.nowPlaceholder ??= this.add(this.nowValue.toISOString(), 'timestamptz');
    return this.nowPlaceholder;
  }

  /**
   * A `jsonb` parameter for the rows `key` names: none until the runner loads them. `since`: the
   * statement reads only rows whose table's time column is at or after it.
   */
  computedRows(key: string, since?: Date): string {
    const placeholder = this.add('[]', 'jsonb');
    this.computed.push({ key, index: this.values.length - 1, ...(since ? { since } : {}) });
    return placeholder;
  }

  add(
    value: string | number | boolean,
    cast: 'text' | 'double precision' | 'boolean' | 'timestamptz' | 'jsonb',
  ): string {
    this.values.push(value);
    this.casts.push(cast);
    return `$${this.values.length}::${cast}`;
  }
}

/** A column name as an SQL identifier; names come from the catalog or the lexer's identifier rule. */
export function quoted(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`not an identifier: ${name}`);
  return `"${name}"`;
}
