/** Where a node starts in the query text (1-based, as editors count), for error messages. */
export type Position = { line: number; column: number; token: string };

export type Literal =
  | { kind: 'string'; value: string; at: Position }
  | { kind: 'number'; value: number; at: Position }
  | { kind: 'bool'; value: boolean; at: Position }
  /** Milliseconds. */
  | { kind: 'timespan'; value: number; at: Position }
  /** The literal's text inside `datetime(…)`; checked and converted by the type checker. */
  | { kind: 'datetime'; value: string; at: Position };

export type BinaryOperator =
  | '=='
  | '!='
  | '<'
  | '<='
  | '>'
  | '>='
  | 'and'
  | 'or'
  | '+'
  | '-'
  | '*'
  | '/'
  | '%'
  | 'contains'
  | 'startswith'
  | 'has';

export type Expression =
  | Literal
  | { kind: 'column'; name: string; at: Position }
  | { kind: 'call'; name: string; args: Expression[]; at: Position }
  | { kind: 'binary'; operator: BinaryOperator; left: Expression; right: Expression; at: Position }
  | { kind: 'negate'; operand: Expression; at: Position }
  | { kind: 'in'; negated: boolean; operand: Expression; values: Expression[]; at: Position };

/** `name = expression`, or a bare expression whose output name is derived as KQL does. */
export type NamedExpression = { name?: { text: string; at: Position }; expression: Expression };

export type SortKey = { expression: Expression; direction: 'asc' | 'desc' };

export type Operator =
  | { kind: 'where'; predicate: Expression; at: Position }
  | { kind: 'project'; columns: NamedExpression[]; at: Position }
  | { kind: 'extend'; columns: NamedExpression[]; at: Position }
  | { kind: 'summarize'; aggregates: NamedExpression[]; by: NamedExpression[]; at: Position }
  | { kind: 'sort'; keys: SortKey[]; at: Position }
  | { kind: 'take'; count: number; at: Position }
  | { kind: 'top'; count: number; key: SortKey; at: Position }
  | { kind: 'count'; at: Position }
  | { kind: 'distinct'; columns: { name: string; at: Position }[]; at: Position }
  | {
      kind: 'join';
      flavour: 'inner' | 'leftouter';
      right: Query;
      on: { name: string; at: Position }[];
      at: Position;
    }
  | { kind: 'render'; chart: 'timechart' | 'barchart' | 'table'; at: Position };

export type Query = { table: { name: string; at: Position }; operators: Operator[] };
