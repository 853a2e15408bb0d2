import type { Position } from './query-ast.js';
import { queryError, type QueryError } from './parse-query.js';

/** A query that parses but cannot run as written (unknown column, wrong type …): a 400, never a 500. */
export class QueryCompileError extends Error {
  readonly error: QueryError;

  constructor(at: Position, message: string, suggestion?: string) {
    super(message);
    this.error = queryError(at, message, suggestion);
  }
}
