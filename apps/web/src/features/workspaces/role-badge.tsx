import type { WorkspaceRole } from '@bearing/contracts';
import { Badge } from '@mantine/core';
import { ROLE_LABELS } from './roles';

const ROLE_COLORS: Record<WorkspaceRole, string> = {
  admin: 'indigo',
  editor: 'teal',
  viewer: 'gray',
};

/** A role, spelled out; the colour only repeats it. */
export function RoleBadge({ role }: { role: WorkspaceRole }) {
  return (
    <Badge variant="light" color={ROLE_COLORS[role]} tt="none" radius="sm">
      {ROLE_LABELS[role]}
    </Badge>
  );
}
