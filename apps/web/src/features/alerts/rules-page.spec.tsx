import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeResponse, mockFetch } from '../../test-utils/fake-fetch';
import { renderApp } from '../../test-utils/render-app';
import { shellRoutes, signedInAs } from '../../test-utils/session-fixtures';
import { findQueryEditor, measurableRanges } from '../explore/query-editor-test-support';

const realFetch = globalThis.fetch;
beforeAll(measurableRanges);
afterEach(() => {
  globalThis.fetch = realFetch;
});

const LOADED = { timeout: 15_000 };
const RULE = {
  id: '00000000-0000-4000-8000-00000000a101',
  name: 'Latency above 200 ms',
  query: 'MetricPoints | summarize worst = max(value) by metric',
  everyMinutes: 120,
  lookbackMinutes: 1440,
  trigger: { column: 'worst', op: '>', threshold: 200 },
  severity: 'high',
  suppressMinutes: 120,
  groupBy: 'metric',
  enabled: true,
  lastRunAt: null,
  nextRunAt: null,
  lastError: "unknown column 'value' in Metrics",
  version: 2,
  createdAt: '2026-12-01T10:00:00.000Z',
};
const TEMPLATES = {
  items: [
    {
      id: 'milestone-slipped',
      name: 'Milestone slipped',
      description: 'A milestone slipped more than 14 days.',
      rule: {
        name: 'Milestone slipped',
        query: 'Milestones | where slipDays > 14',
        everyMinutes: 60,
        lookbackMinutes: 1440,
        trigger: { op: '>', threshold: 0 },
        severity: 'medium',
        suppressMinutes: 1440,
        groupBy: 'name',
        enabled: true,
      },
    },
  ],
};

describe('RulesPage', () => {
  it('lists the rules with their schedule and severity, and turns one off with its version', async () => {
    const patches: unknown[] = [];
    let enabled = true;
    mockFetch({
      ...shellRoutes(signedInAs('editor')),
      '/api/workspaces/demo/alert-rules': () =>
        fakeResponse(200, { items: [{ ...RULE, enabled }] }),
      '/api/workspaces/demo/alert-rules/templates': () => fakeResponse(200, TEMPLATES),
      [`PATCH /api/workspaces/demo/alert-rules/${RULE.id}`]: ({ body }) => {
        patches.push(body);
        enabled = false;
        return fakeResponse(200, { ...RULE, enabled, version: 3 });
      },
    });
    renderApp('/w/demo/alerts/rules');

    const table = await screen.findByRole('table', { name: 'Alert rules' }, LOADED);
    const row = within(table).getByRole('link', { name: RULE.name }).closest('tr');
    if (!row) throw new Error('no row for the rule');
    expect(within(row).getByText('every 2 h')).toBeTruthy();
    expect(within(row).getByText('looks back 1 day')).toBeTruthy();
    expect(within(row).getByText('High')).toBeTruthy();
    expect(
      within(row).getByText(/Fires when worst > 200 in any row, one alert per metric/),
    ).toBeTruthy();
    expect(within(row).getByText("Failed: unknown column 'value' in Metrics")).toBeTruthy();

    const toggle = within(row).getByRole('switch', { name: `Enabled: ${RULE.name}` });
    expect((toggle as HTMLInputElement).checked).toBe(true);
    fireEvent.click(toggle);

    await waitFor(() => expect((toggle as HTMLInputElement).checked).toBe(false), LOADED);
    expect(patches).toEqual([{ enabled: false, version: 2 }]);
  });

  it('deletes a rule only after confirming', async () => {
    let deleted = false;
    mockFetch({
      ...shellRoutes(signedInAs('editor')),
      '/api/workspaces/demo/alert-rules': () => fakeResponse(200, { items: deleted ? [] : [RULE] }),
      [`DELETE /api/workspaces/demo/alert-rules/${RULE.id}`]: () => {
        deleted = true;
        return fakeResponse(204, undefined);
      },
    });
    renderApp('/w/demo/alerts/rules');

    fireEvent.click(await screen.findByRole('button', { name: `Delete ${RULE.name}` }, LOADED));
    const dialog = await screen.findByRole('dialog', { name: 'Delete this rule?' }, LOADED);
    expect(deleted).toBe(false);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete rule' }));

    expect(await screen.findByText('No alert rules yet', undefined, LOADED)).toBeTruthy();
    expect(deleted).toBe(true);
  });

  it('offers templates when the server has them, and the editor starts from the one picked', async () => {
    mockFetch({
      ...shellRoutes(signedInAs('editor')),
      '/api/workspaces/demo/alert-rules': () => fakeResponse(200, { items: [] }),
      '/api/workspaces/demo/alert-rules/templates': () => fakeResponse(200, TEMPLATES),
    });
    renderApp('/w/demo/alerts/rules');

    fireEvent.click(await screen.findByRole('button', { name: 'From a template' }, LOADED));
    const dialog = await screen.findByRole('dialog', { name: 'Start from a template' }, LOADED);
    expect(within(dialog).getByText('A milestone slipped more than 14 days.')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('link', { name: 'Use template: Milestone slipped' }));

    const editor = await findQueryEditor();
    expect(editor.state.doc.toString()).toBe('Milestones | where slipDays > 14');
    expect(screen.getByTestId('location').textContent).toBe(
      '/w/demo/alerts/rules/new?template=milestone-slipped',
    );
  });

  it('hides the template picker while the server offers no templates', async () => {
    const fetchMock = mockFetch({
      ...shellRoutes(signedInAs('editor')),
      '/api/workspaces/demo/alert-rules': () => fakeResponse(200, { items: [RULE] }),
      // No templates route on this server: the API client gets a 404.
    });
    renderApp('/w/demo/alerts/rules');

    await screen.findByRole('link', { name: 'New rule' }, LOADED);
    await waitFor(
      () =>
        expect(fetchMock.mock.calls.map(([url]) => url)).toContain(
          '/api/workspaces/demo/alert-rules/templates',
        ),
      LOADED,
    );
    await screen.findByRole('table', { name: 'Alert rules' }, LOADED);
    expect(screen.queryByRole('button', { name: 'From a template' })).toBeNull();
  });

  it('shows viewers the rules without edit controls', async () => {
    mockFetch({
      ...shellRoutes(signedInAs('viewer')),
      '/api/workspaces/demo/alert-rules': () => fakeResponse(200, { items: [RULE] }),
    });
    renderApp('/w/demo/alerts/rules');

    const table = await screen.findByRole('table', { name: 'Alert rules' }, LOADED);
    expect(within(table).getByText('On')).toBeTruthy();
    for (const name of ['From a template', `Delete ${RULE.name}`]) {
      expect(screen.queryByRole('button', { name })).toBeNull();
    }
    for (const name of ['New rule', `Edit ${RULE.name}`]) {
      expect(screen.queryByRole('link', { name })).toBeNull();
    }
    expect(screen.queryByRole('switch')).toBeNull();
  });
});
