import { DEFAULT_TEAM_CALENDAR, DEFAULT_TEAM_WORKFLOW, type Team } from '@bearing/contracts';

/** The id of the team `payments()` answers, unless a test gives it another. */
export const PAYMENTS_TEAM_ID = '00000000-0000-4000-8000-000000000701';

/** The team the team-page tests open: "Payments", the default calendar and workflow. */
export function paymentsTeam(overrides: Partial<Team> = {}): Team {
  return {
    id: PAYMENTS_TEAM_ID,
    name: 'Payments',
    slug: 'payments',
    timeZone: 'Europe/Berlin',
    calendar: DEFAULT_TEAM_CALENDAR,
    workflow: DEFAULT_TEAM_WORKFLOW,
    version: 3,
    createdAt: '2026-11-01T09:00:00.000Z',
    updatedAt: '2026-11-01T09:00:00.000Z',
    ...overrides,
  };
}
