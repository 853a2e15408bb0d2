/** Records grouped by their workspace, in the order met. */
export function byWorkspace<Record extends { workspaceId: string }>(
  records: readonly Record[],
): Map<string, Record[]> {
  const grouped = new Map<string, Record[]>();
  for (const record of records) {
    const list = grouped.get(record.workspaceId) ?? [];
    list.push(record);
    grouped.set(record.workspaceId, list);
  }
  return grouped;
}
