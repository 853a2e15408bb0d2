import { workspacePath } from '../../app/layout/navigation-items';

/** The report editor / read view of one report. */
export function reportPath(workspace: string, programId: string, reportId: string): string {
  return workspacePath(workspace, `programs/${programId}/reports/${reportId}`);
}

export function programPagePath(workspace: string, programId: string): string {
  return workspacePath(workspace, `programs/${programId}`);
}
