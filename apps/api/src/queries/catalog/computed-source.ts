/**
 * The FROM clause of rows computed in TypeScript (see `SourceContext.computed`): the `jsonb`
 * parameter read as a record set with these typed fields, and — like every table of the
 * catalog — only the rows of the workspace on `$1`, which each computed row carries.
 */
export function computedRowsSource(
  parameter: string,
  alias: string,
  fields: Record<string, string>,
): string {
  const definition = Object.entries(fields)
    .map(([name, type]) => `"${name}" ${type}`)
    .join(', ');
  return `jsonb_to_recordset(${parameter}) AS ${alias}("workspaceId" uuid, ${definition})`;
}

/** A `YYYY-MM-DD` field as that day's midnight UTC, whatever the session's time zone. */
export const utcMidnight = (column: string) => `(${column}::timestamp AT TIME ZONE 'UTC')`;
