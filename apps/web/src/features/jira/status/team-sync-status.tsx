import { useTeamSource } from '../../../api/jira';
import { SyncStatus } from './sync-status';

export interface TeamSyncStatusProps {
  workspace: string;
  teamId: string;
}

/** On the team page: "Synced 4 min ago" or why syncs fail — nothing for a team without a source. */
export function TeamSyncStatus({ workspace, teamId }: TeamSyncStatusProps) {
  const source = useTeamSource(workspace, teamId);
  if (!source.data) return null;
  return <SyncStatus source={source.data} />;
}
