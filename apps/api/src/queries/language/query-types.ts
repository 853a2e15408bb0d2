/** The value types of the query language (KQL's names); timespans travel as milliseconds. */
export type ColumnType = 'string' | 'long' | 'real' | 'bool' | 'datetime' | 'timespan';

export type Column = { name: string; type: ColumnType };

export function isNumeric(type: ColumnType): boolean {
  return type === 'long' || type === 'real';
}
