import type { AuditEvent } from '@bearing/contracts';
import { workspacePath } from '../../../app/layout/navigation-items';

const segment = (value: string) => encodeURIComponent(value);

/** A uuid the event's details carry, e.g. the program a milestone belongs to. */
function detailId(event: AuditEvent, key: string): string | undefined {
  const value = event.details[key];
  return typeof value === 'string' && /^[0-9a-f-]{36}$/i.test(value) ? value : undefined;
}

/** The page path (within the workspace) that shows each kind of target, when one exists. */
const TARGET_PAGES: Record<string, (event: AuditEvent, id: string) => string | undefined> = {
  program: (_event, id) => `programs/${segment(id)}`,
  team: (_event, id) => `teams/${segment(id)}`,
  key_result: (_event, id) => `okrs/key-results/${segment(id)}`,
  metric: (_event, id) => `metrics/${segment(id)}`,
  milestone: (event) => programPage(event),
  'raid-item': (event) => programPage(event),
  dependency: (event) => programPage(event),
  'status-report': (event, id) => {
    const program = detailId(event, 'programId');
    return program && `programs/${segment(program)}/reports/${segment(id)}`;
  },
  sprint: (event) => teamPage(event, 'sprints'),
  'team-member': (event) => teamPage(event, 'settings'),
  import: (event) => teamPage(event, 'import'),
  user: () => 'settings/members',
  invitation: () => 'settings/members',
  api_token: () => 'settings/tokens',
  job: () => 'settings/jobs',
};

function programPage(event: AuditEvent): string | undefined {
  const program = detailId(event, 'programId');
  return program && `programs/${segment(program)}`;
}

function teamPage(event: AuditEvent, tab: string): string | undefined {
  const team = detailId(event, 'teamId');
  return team && `teams/${segment(team)}?tab=${tab}`;
}

/**
 * Where the event's target can be seen now, or undefined: no page shows that kind, or the event
 * removed the target (its page would only say "not found").
 */
export function auditTargetHref(workspace: string, event: AuditEvent): string | undefined {
  if (event.targetId === null || /\.(deleted|removed)$/.test(event.action)) return undefined;
  const path = TARGET_PAGES[event.targetType]?.(event, event.targetId);
  return path === undefined ? undefined : workspacePath(workspace, path);
}
