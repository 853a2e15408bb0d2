import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { focusManager } from '@tanstack/react-query';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  fakeResponse,
  type FakeRequest,
  mockFetch,
  problemResponse,
} from '../../test-utils/fake-fetch';
import { renderApp } from '../../test-utils/render-app';
import { shellRoutes, signedInAs } from '../../test-utils/session-fixtures';
import { findQueryEditor, measurableRanges, typeInto } from '../explore/query-editor-test-support';

const realFetch = globalThis.fetch;
beforeAll(measurableRanges);
afterEach(() => {
  globalThis.fetch = realFetch;
});

const LOADED = { timeout: 15_000 };
const QUERY = 'MetricPoints\n| summarize avg(value) by bin(timestamp, 1d)\n| render timechart';
const RULE_ID = '00000000-0000-4000-8000-00000000a101';
const SAVED_RULE = {
  id: RULE_ID,
  name: 'Latency above 200 ms',
  query: 'MetricPoints | where metric == "latency" | summarize worst = max(value) by metric',
  everyMinutes: 15,
  lookbackMinutes: 60,
  trigger: { column: 'worst', op: '>', threshold: 200 },
  severity: 'high',
  suppressMinutes: 120,
  groupBy: 'metric',
  enabled: true,
  lastRunAt: null,
  nextRunAt: '2026-12-07T10:00:00.000Z',
  lastError: null,
  version: 3,
  createdAt: '2026-12-01T10:00:00.000Z',
};
const TEST_RESULT = {
  columns: [
    { name: 'timestamp', type: 'datetime' },
    { name: 'avg_value', type: 'real' },
  ],
  rows: [
    { timestamp: '2026-12-05T00:00:00.000Z', avg_value: 181.5 },
    { timestamp: '2026-12-06T00:00:00.000Z', avg_value: 240.25 },
  ],
  matched: 2,
  wouldFire: true,
  groups: [''],
};

/** What a screen reader hears after the field's name: the texts its `aria-describedby` names. */
function describedText(field: HTMLElement): string {
  const ids = (field.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

/** The field's error: it is marked invalid, and the error is read with it. */
function errorOf(field: HTMLElement): string {
  expect(field.getAttribute('aria-invalid')).toBe('true');
  return describedText(field);
}

/** The query editor's editable area (CodeMirror's textbox), as a screen reader finds it. */
function queryTextbox(): HTMLElement {
  return screen.getByRole('textbox', { name: 'Query' });
}

/** The catalog the query editor colours and suggests from. */
const CATALOG_ROUTE = {
  '/api/workspaces/demo/queries/catalog': () =>
    fakeResponse(200, { tables: [], operators: ['where'], functions: ['avg'] }),
};

function field(label: RegExp | string): HTMLElement {
  return screen.getByLabelText(label);
}

describe('RuleEditorPage', () => {
  it("starts a new rule from Explore's query and tests it unsaved: rows, matches and whether it would fire", async () => {
    const tests: FakeRequest[] = [];
    mockFetch({
      ...shellRoutes(signedInAs('editor')),
      ...CATALOG_ROUTE,
      'POST /api/workspaces/demo/alert-rules/test': (request) => {
        tests.push(request);
        return fakeResponse(200, TEST_RESULT);
      },
    });
    renderApp(`/w/demo/alerts/rules/new?query=${encodeURIComponent(QUERY)}`);

    const editor = await findQueryEditor();
    expect(editor.state.doc.toString()).toBe(QUERY);
    fireEvent.change(field(/^Name/), { target: { value: 'Daily latency above 200' } });
    fireEvent.change(field('Trigger column'), { target: { value: 'avg_value' } });
    fireEvent.change(field('Threshold'), { target: { value: '200' } });
    fireEvent.change(field('Lookback (minutes)'), { target: { value: '10080' } });
    fireEvent.change(field('Test over (days)'), { target: { value: '7' } });
    fireEvent.click(screen.getByRole('button', { name: 'Test rule' }));

    const preview = await screen.findByRole('region', { name: 'Test result' }, LOADED);
    expect(within(preview).getByText('Would fire')).toBeTruthy();
    expect(within(preview).getByRole('status', { name: 'Test summary' }).textContent).toBe(
      'Over the last 7 days: 2 rows, 2 matching the trigger. One alert would fire.',
    );
    const rows = within(preview).getByRole('table', { name: 'Rows of the test' });
    expect(within(rows).getByText('240.25')).toBeTruthy();
    expect(tests).toHaveLength(1);
    expect(tests[0]?.body).toEqual({
      days: 7,
      rule: {
        name: 'Daily latency above 200',
        query: QUERY,
        everyMinutes: 15,
        lookbackMinutes: 10080,
        trigger: { column: 'avg_value', op: '>', threshold: 200 },
        severity: 'medium',
        suppressMinutes: 60,
        enabled: true,
      },
    });
    // The result's columns become the hint for the trigger column.
    expect(screen.getByText('Columns of the result: timestamp, avg_value.')).toBeTruthy();
  });

  it("shows a test's 400 at the fields it names, a query's mistake with its line and column", async () => {
    mockFetch({
      ...shellRoutes(signedInAs('editor')),
      ...CATALOG_ROUTE,
      'POST /api/workspaces/demo/alert-rules/test': () =>
        fakeResponse(
          400,
          {
            type: 'https://bearing.dev/problems/validation',
            title: 'Invalid request',
            status: 400,
            errors: [
              {
                path: 'query',
                line: 2,
                column: 23,
                token: 'vale',
                message: "unknown column 'vale' in MetricPoints — did you mean 'value'?",
                suggestion: 'value',
              },
              { path: 'rule.groupBy', message: "is not a column of the query's result (avg)" },
              {
                path: 'trigger.column',
                message: "is not a column of the query's result (avg)",
              },
            ],
          },
          'application/problem+json',
        ),
    });
    renderApp(
      `/w/demo/alerts/rules/new?query=${encodeURIComponent('MetricPoints\n| summarize avg(vale)')}`,
    );
    await findQueryEditor();
    fireEvent.change(field(/^Name/), { target: { value: 'Typo' } });
    fireEvent.change(field('Trigger column'), { target: { value: 'worst' } });
    fireEvent.change(field('Group by'), { target: { value: 'team' } });
    fireEvent.click(screen.getByRole('button', { name: 'Test rule' }));

    await waitFor(
      () =>
        expect(describedText(queryTextbox())).toContain(
          "Line 2, column 23: unknown column 'vale' in MetricPoints — did you mean 'value'?",
        ),
      LOADED,
    );
    expect(errorOf(field('Trigger column'))).toContain(
      "Is not a column of the query's result (avg)",
    );
    expect(errorOf(field('Group by'))).toContain("Is not a column of the query's result (avg)");
    expect(field(/^Name/).getAttribute('aria-invalid')).not.toBe('true');
    expect(screen.queryByRole('region', { name: 'Test result' })).toBeNull();
  });

  it('checks the fields before sending anything', async () => {
    const fetchMock = mockFetch({ ...shellRoutes(signedInAs('editor')), ...CATALOG_ROUTE });
    renderApp('/w/demo/alerts/rules/new');
    await findQueryEditor();
    fireEvent.change(field('Every (minutes)'), { target: { value: '2' } });
    fireEvent.change(field('Threshold'), { target: { value: 'lots' } });

    fireEvent.click(screen.getByRole('button', { name: 'Save rule' }));

    expect(errorOf(field(/^Name/))).toContain('Enter a name');
    await waitFor(
      () => expect(describedText(queryTextbox())).toContain('Write the query the rule runs'),
      LOADED,
    );
    expect(errorOf(field('Every (minutes)'))).toMatch(/>=\s?5/);
    expect(errorOf(field('Threshold'))).toContain('Must be a number');
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(false);
  });

  it('saves a new rule and goes to the rules list', async () => {
    const created: unknown[] = [];
    mockFetch({
      ...shellRoutes(signedInAs('editor')),
      ...CATALOG_ROUTE,
      'POST /api/workspaces/demo/alert-rules': ({ body }) => {
        created.push(body);
        return fakeResponse(201, { ...SAVED_RULE, ...(body as object), version: 1 });
      },
      '/api/workspaces/demo/alert-rules': () => fakeResponse(200, { items: [SAVED_RULE] }),
    });
    renderApp('/w/demo/alerts/rules/new');
    typeInto(await findQueryEditor(), SAVED_RULE.query);
    fireEvent.change(field(/^Name/), { target: { value: SAVED_RULE.name } });
    fireEvent.change(field('Severity'), { target: { value: 'high' } });
    fireEvent.change(field('Operator'), { target: { value: '>=' } });
    fireEvent.click(screen.getByRole('switch', { name: /Enabled/ }));

    fireEvent.click(screen.getByRole('button', { name: 'Save rule' }));

    await screen.findByRole('heading', { level: 1, name: 'Alert rules' }, LOADED);
    expect(screen.getByTestId('location').textContent).toBe('/w/demo/alerts/rules');
    expect(created).toEqual([
      {
        name: SAVED_RULE.name,
        query: SAVED_RULE.query,
        everyMinutes: 15,
        lookbackMinutes: 60,
        trigger: { op: '>=', threshold: 0 },
        severity: 'high',
        suppressMinutes: 60,
        enabled: false,
      },
    ]);
  });

  it('edits a saved rule with its version, tests it by id while unchanged, and explains a stale version', async () => {
    const patches: unknown[] = [];
    const fetchMock = mockFetch({
      ...shellRoutes(signedInAs('editor')),
      ...CATALOG_ROUTE,
      [`/api/workspaces/demo/alert-rules/${RULE_ID}`]: () => fakeResponse(200, SAVED_RULE),
      [`POST /api/workspaces/demo/alert-rules/${RULE_ID}/test`]: () =>
        fakeResponse(200, { ...TEST_RESULT, wouldFire: false, matched: 0, groups: [] }),
      [`PATCH /api/workspaces/demo/alert-rules/${RULE_ID}`]: ({ body }) => {
        patches.push(body);
        return problemResponse(
          409,
          'Conflict',
          'The alert rule was changed by someone else (version 4).',
          { kind: 'stale-version' },
        );
      },
    });
    renderApp(`/w/demo/alerts/rules/${RULE_ID}`);

    const name = await screen.findByRole('textbox', { name: /^Name/ }, LOADED);
    expect((name as HTMLInputElement).value).toBe(SAVED_RULE.name);
    expect((field('Trigger column') as HTMLInputElement).value).toBe('worst');
    expect((field('Group by') as HTMLInputElement).value).toBe('metric');
    expect((field('Suppress (minutes)') as HTMLInputElement).value).toBe('120');

    fireEvent.click(screen.getByRole('button', { name: 'Test rule' }));
    const preview = await screen.findByRole('region', { name: 'Test result' }, LOADED);
    expect(within(preview).getByText('Would not fire')).toBeTruthy();
    expect(fetchMock.mock.calls.find(([, init]) => init?.method === 'POST')?.[0]).toBe(
      `/api/workspaces/demo/alert-rules/${RULE_ID}/test`,
    );

    fireEvent.change(name, { target: { value: 'Latency above 250 ms' } });
    fireEvent.change(field('Threshold'), { target: { value: '250' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save rule' }));

    const notice = await screen.findByRole('alert', undefined, LOADED);
    expect(notice.textContent).toContain('Someone else changed this rule');
    expect(within(notice).getByRole('button', { name: 'Load the latest version' })).toBeTruthy();
    expect(patches).toEqual([
      expect.objectContaining({
        name: 'Latency above 250 ms',
        trigger: { column: 'worst', op: '>', threshold: 250 },
        groupBy: 'metric',
        version: 3,
      }),
    ]);
  });

  it("keeps the edits in progress when a refetch brings someone else's save, and saves them against the version they started from", async () => {
    let loads = 0;
    const patches: unknown[] = [];
    mockFetch({
      ...shellRoutes(signedInAs('editor')),
      ...CATALOG_ROUTE,
      [`/api/workspaces/demo/alert-rules/${RULE_ID}`]: () => {
        loads += 1;
        // The first load is version 3; by the next one someone else has saved version 4.
        return fakeResponse(
          200,
          loads === 1 ? SAVED_RULE : { ...SAVED_RULE, name: 'Renamed by someone', version: 4 },
        );
      },
      [`PATCH /api/workspaces/demo/alert-rules/${RULE_ID}`]: ({ body }) => {
        patches.push(body);
        return problemResponse(
          409,
          'Conflict',
          'The alert rule was changed by someone else (version 4).',
          { kind: 'stale-version' },
        );
      },
    });
    renderApp(`/w/demo/alerts/rules/${RULE_ID}`);

    const name = await screen.findByRole('textbox', { name: /^Name/ }, LOADED);
    fireEvent.change(name, { target: { value: 'My edit in progress' } });
    fireEvent.change(field('Threshold'), { target: { value: '300' } });
    // Coming back to the tab refetches the rule, which is now version 4.
    act(() => {
      focusManager.setFocused(false);
      focusManager.setFocused(true);
    });
    await screen.findByRole('heading', { name: 'Renamed by someone' }, LOADED);
    focusManager.setFocused(undefined);

    const kept = screen.getByRole<HTMLInputElement>('textbox', { name: /^Name/ });
    expect(kept.value).toBe('My edit in progress');
    expect((field('Threshold') as HTMLInputElement).value).toBe('300');
    fireEvent.click(screen.getByRole('button', { name: 'Save rule' }));
    const notice = await screen.findByRole('alert', undefined, LOADED);
    expect(notice.textContent).toContain('Someone else changed this rule');
    expect(patches).toEqual([
      expect.objectContaining({ name: 'My edit in progress', version: SAVED_RULE.version }),
    ]);
  });

  it('starts from a template', async () => {
    mockFetch({
      ...shellRoutes(signedInAs('editor')),
      ...CATALOG_ROUTE,
      '/api/workspaces/demo/alert-rules/templates': () =>
        fakeResponse(200, {
          items: [
            {
              id: 'guardrail-breached',
              name: 'Guardrail breached',
              description: 'A guardrail moved to breached.',
              rule: {
                name: 'Guardrail breached',
                query: 'GuardrailEvents | where to == "breached"',
                everyMinutes: 15,
                lookbackMinutes: 30,
                trigger: { op: '>', threshold: 0 },
                severity: 'high',
                suppressMinutes: 1440,
                groupBy: 'guardrail',
                enabled: true,
              },
            },
          ],
        }),
    });
    renderApp('/w/demo/alerts/rules/new?template=guardrail-breached');

    const editor = await findQueryEditor();
    expect(editor.state.doc.toString()).toBe('GuardrailEvents | where to == "breached"');
    expect((field(/^Name/) as HTMLInputElement).value).toBe('Guardrail breached');
    expect((field('Group by') as HTMLInputElement).value).toBe('guardrail');
    expect((field('Severity') as HTMLSelectElement).value).toBe('high');
    expect(screen.getByText(/From the template “Guardrail breached”/)).toBeTruthy();
  });

  it('shows a viewer the saved rule read-only, without test or save', async () => {
    mockFetch({
      ...shellRoutes(signedInAs('viewer')),
      [`/api/workspaces/demo/alert-rules/${RULE_ID}`]: () => fakeResponse(200, SAVED_RULE),
    });
    renderApp(`/w/demo/alerts/rules/${RULE_ID}`);

    const name = await screen.findByRole('textbox', { name: /^Name/ }, LOADED);
    expect(name.hasAttribute('readonly')).toBe(true);
    // The query as text, with no editor to change it.
    expect(screen.getByText(SAVED_RULE.query)).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: 'Query' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Save rule' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Test rule' })).toBeNull();
  });
});
