import type { AuditEvent } from '@bearing/contracts';
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { screen, within } from '@testing-library/react';
import { fakeResponse, mockFetch } from '../../../test-utils/fake-fetch';
import { renderApp } from '../../../test-utils/render-app';
import { shellRoutes, signedInAs } from '../../../test-utils/session-fixtures';

const realFetch = globalThis.fetch;
afterEach(() => {
  jest.useRealTimers();
  globalThis.fetch = realFetch;
});

// CI machines are small and shared: wait generously for anything that follows a request.
const SLOW = { timeout: 30_000 };

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const PROGRAM_ID = uuid(900);

function event(n: number, fields: Partial<AuditEvent>): AuditEvent {
  return {
    id: uuid(n),
    action: 'team.updated',
    targetType: 'team',
    targetId: uuid(100 + n),
    targetLabel: null,
    actor: { userId: uuid(1), email: 'ana@example.com', displayName: 'Ana Lima' },
    actorTokenId: null,
    requestId: `req-${n}`,
    createdAt: `2026-11-0${n}T10:00:00.000Z`,
    details: {},
    ...fields,
  };
}

const EVENTS: AuditEvent[] = [
  event(1, {
    action: 'team.updated',
    targetLabel: 'Team · Platform',
    details: { changed: ['name'] },
  }),
  event(2, {
    action: 'milestone.created',
    targetType: 'milestone',
    targetLabel: 'Milestone · Checkout revamp / Beta',
    details: { programId: PROGRAM_ID, name: 'Beta' },
  }),
  event(3, {
    action: 'member.role-changed',
    targetType: 'user',
    targetLabel: 'Member · Ada',
    details: { email: 'ada@example.com', from: 'viewer', to: 'editor' },
  }),
  event(4, { action: 'team.deleted', targetLabel: 'Team · Legacy', details: { name: 'Legacy' } }),
  event(5, {
    action: 'objective.updated',
    targetType: 'objective',
    targetLabel: 'Objective · Grow podcast revenue',
  }),
  // Recorded before labels existed, of a target that was gone by then.
  event(6, { action: 'check-in.created', targetType: 'check_in' }),
];

describe('AuditPanel', () => {
  it('names each target as it was called, linking to the pages that show it', async () => {
    mockFetch({
      ...shellRoutes(signedInAs('admin')),
      '/api/workspaces/demo/audit-events': () =>
        fakeResponse(200, { items: EVENTS, nextCursor: null }),
    });
    renderApp('/w/demo/settings/audit');

    const table = await screen.findByRole('table', undefined, SLOW);
    const rows = within(table).getAllByRole('row').slice(1);
    const targetCell = (index: number) =>
      within(rows[index] as HTMLElement).getAllByRole('cell')[3] as HTMLElement;
    const linkIn = (index: number) => within(targetCell(index)).queryByRole('link');

    expect(targetCell(0).textContent).toBe('Team · Platform');
    expect(linkIn(0)?.getAttribute('href')).toBe(`/w/demo/teams/${uuid(101)}`);
    expect(linkIn(1)?.getAttribute('href')).toBe(`/w/demo/programs/${PROGRAM_ID}`);
    expect(linkIn(1)?.textContent).toBe('Milestone · Checkout revamp / Beta');
    // What the details add is shown under the label.
    expect(targetCell(2).textContent).toBe('Member · Adaada@example.com: viewer → editor');
    expect(linkIn(2)?.getAttribute('href')).toBe('/w/demo/settings/members');
    // A deleted team has no page any more: its label is plain text.
    expect(targetCell(3).textContent).toBe('Team · Legacy');
    expect(linkIn(3)).toBeNull();
    // Objectives have no page of their own.
    expect(targetCell(4).textContent).toBe('Objective · Grow podcast revenue');
    expect(linkIn(4)).toBeNull();
    expect(targetCell(5).textContent).toBe('—');
  });
});
