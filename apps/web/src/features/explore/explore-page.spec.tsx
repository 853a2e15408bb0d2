import { afterEach, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { QueryResult, SavedQuery } from '@bearing/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  fakeResponse,
  type FakeRoute,
  mockFetch,
  problemResponse,
} from '../../test-utils/fake-fetch';
import { renderApp } from '../../test-utils/render-app';
import { shellRoutes, signedInAs } from '../../test-utils/session-fixtures';
import { findQueryEditor, measurableRanges, typeInto } from './query-editor-test-support';

const realFetch = globalThis.fetch;
beforeAll(measurableRanges);
afterEach(() => {
  globalThis.fetch = realFetch;
});

const CATALOG = {
  tables: [
    {
      name: 'MetricPoints',
      description: 'Every stored value of every metric.',
      columns: [
        { name: 'metric', type: 'string', description: "The metric's key." },
        { name: 'timestamp', type: 'datetime', description: 'When it was measured.' },
        { name: 'value', type: 'real', description: 'The value.' },
      ],
    },
  ],
  operators: ['where', 'summarize', 'render'],
  functions: ['avg', 'count', 'bin'],
};

const LOADED = { timeout: 15000 };

const location = () => screen.getByTestId('location').textContent;

function routes(
  run: (body: unknown) => Response,
  {
    role = 'viewer',
    extra = {},
  }: { role?: 'viewer' | 'editor'; extra?: Record<string, FakeRoute> } = {},
) {
  return mockFetch({
    ...shellRoutes(signedInAs(role)),
    '/api/workspaces/demo/queries/catalog': () => fakeResponse(200, CATALOG),
    'POST /api/workspaces/demo/queries/run': ({ body }) => run(body),
    ...extra,
  });
}

const answer = (result: Partial<QueryResult> & Pick<QueryResult, 'columns' | 'rows'>) =>
  fakeResponse(200, {
    stats: { rowCount: result.rows.length, truncated: false, elapsedMs: 3 },
    ...result,
  });

describe('ExplorePage', () => {
  it('runs the query in the editor with Ctrl+Enter and shows the answer as a table, with the tables listed', async () => {
    const sent: unknown[] = [];
    routes((body) => {
      sent.push(body);
      return fakeResponse(200, {
        columns: [
          { name: 'metric', type: 'string' },
          { name: 'avg_value', type: 'real' },
        ],
        rows: [{ metric: 'uptime', avg_value: 98.1 }],
        stats: { rowCount: 1, truncated: false, elapsedMs: 4.2 },
      });
    });
    renderApp('/w/demo/explore');

    const editor = await findQueryEditor();
    expect(screen.getByRole('group', { name: 'Query' }).contains(editor.contentDOM)).toBe(true);
    typeInto(editor, 'MetricPoints | summarize avg(value) by metric');
    fireEvent.keyDown(editor.contentDOM, { key: 'Enter', code: 'Enter', ctrlKey: true });

    const table = await screen.findByRole('table', { name: 'Query results' });
    expect(within(table).getByText('uptime')).toBeTruthy();
    expect(within(table).getByText('98.1')).toBeTruthy();
    expect(screen.getByRole('status', { name: 'Query statistics' }).textContent).toBe(
      '1 row in 4.2 ms.',
    );
    expect(sent).toEqual([{ query: 'MetricPoints | summarize avg(value) by metric' }]);
    expect(await screen.findByRole('button', { name: /^MetricPoints/ })).toBeTruthy();
    // A table answer draws no chart.
    expect(screen.queryByRole('region', { name: 'Query chart' })).toBeNull();
  });

  it('runs with Cmd+Enter too', async () => {
    const sent: unknown[] = [];
    routes((body) => {
      sent.push(body);
      return answer({ columns: [{ name: 'Count', type: 'long' }], rows: [{ Count: 3 }] });
    });
    renderApp('/w/demo/explore');

    const editor = await findQueryEditor();
    typeInto(editor, 'MetricPoints | count');
    fireEvent.keyDown(editor.contentDOM, { key: 'Enter', code: 'Enter', metaKey: true });

    await screen.findByRole('table', { name: 'Query results' });
    expect(sent).toEqual([{ query: 'MetricPoints | count' }]);
  });

  it('shows each mistake with its line and column', async () => {
    routes(() =>
      fakeResponse(
        400,
        {
          type: 'https://bearing.dev/problems/validation',
          title: 'Invalid request',
          status: 400,
          detail: 'The query is not valid.',
          errors: [
            {
              path: 'query',
              line: 2,
              column: 9,
              token: 'vale',
              message: "unknown column 'vale' in MetricPoints — did you mean 'value'?",
              suggestion: 'value',
            },
          ],
        },
        'application/problem+json',
      ),
    );
    renderApp('/w/demo/explore');

    await findQueryEditor();
    fireEvent.click(await screen.findByRole('button', { name: 'Run' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(
      "line 2, column 9: unknown column 'vale' in MetricPoints — did you mean 'value'?",
    );
  });

  it('says when the row cap cut the answer', async () => {
    routes(() =>
      fakeResponse(200, {
        columns: [{ name: 'value', type: 'real' }],
        rows: [{ value: 1 }],
        stats: { rowCount: 10000, truncated: true, elapsedMs: 80 },
      }),
    );
    renderApp('/w/demo/explore');

    await findQueryEditor();
    fireEvent.click(await screen.findByRole('button', { name: 'Run' }));

    expect((await screen.findByRole('status', { name: 'Query statistics' })).textContent).toMatch(
      /^The first 10,000 rows — more matched/,
    );
  });

  it('offers the columns of the table the query reads, and closes the offer on running', async () => {
    routes(() => answer({ columns: [{ name: 'value', type: 'real' }], rows: [] }));
    renderApp('/w/demo/explore');
    await screen.findByRole('button', { name: /^MetricPoints/ }); // the catalog is there

    const editor = await findQueryEditor();
    typeInto(editor, 'MetricPoints\n| where va');

    const suggestions = await screen.findByRole('listbox');
    const labels = within(suggestions)
      .getAllByRole('option')
      .map((option) => option.querySelector('.cm-completionLabel')?.textContent);
    expect(labels).toEqual(['value']);

    // Running closes the suggestions, which would otherwise cover the answer.
    fireEvent.keyDown(editor.contentDOM, { key: 'Enter', code: 'Enter', ctrlKey: true });
    await screen.findByRole('status', { name: 'Query statistics' });
    await waitFor(() => expect(screen.queryByRole('listbox')).toBeNull());
  });
});

describe('ExplorePage charts', () => {
  // Recharts measures its container; jsdom lays nothing out, so give elements a size and a
  // ResizeObserver that reports it, as a browser would.
  const realResizeObserver = window.ResizeObserver;
  beforeEach(() => {
    const size = { width: 800, height: 320 };
    jest
      .spyOn(HTMLElement.prototype, 'getBoundingClientRect')
      .mockReturnValue(new DOMRect(0, 0, size.width, size.height));
    window.ResizeObserver = class {
      constructor(private readonly callback: ResizeObserverCallback) {}
      observe(target: Element): void {
        this.callback([{ target, contentRect: size } as unknown as ResizeObserverEntry], this);
      }
      unobserve(): void {}
      disconnect(): void {}
    };
  });
  afterEach(() => {
    window.ResizeObserver = realResizeObserver;
  });

  it('draws a time chart with a line per team when the query renders timechart', async () => {
    routes(() =>
      answer({
        columns: [
          { name: 'timestamp', type: 'datetime' },
          { name: 'team', type: 'string' },
          { name: 'count_', type: 'long' },
        ],
        rows: [
          { timestamp: '2026-11-02T00:00:00.000Z', team: 'web', count_: 3 },
          { timestamp: '2026-11-02T00:00:00.000Z', team: 'api', count_: 5 },
          { timestamp: '2026-11-03T00:00:00.000Z', team: 'web', count_: 4 },
        ],
        render: 'timechart',
      }),
    );
    renderApp('/w/demo/explore');

    typeInto(
      await findQueryEditor(),
      'WorkItems | summarize count() by bin(doneDay, 1d), team | render timechart',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Run' }));

    const chart = await screen.findByRole('region', { name: 'Query chart' });
    const figure = await within(chart).findByRole('figure', { name: 'Line chart over timestamp' });
    await waitFor(() => expect(figure.querySelectorAll('.recharts-line').length).toBe(2));
    const legend = within(chart)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(legend).toEqual(['web', 'api']);
    // The same rows stay readable as a table.
    expect(screen.getByRole('table', { name: 'Query results' })).toBeTruthy();
  });

  it('draws bars when the query renders barchart', async () => {
    routes(() =>
      answer({
        columns: [
          { name: 'team', type: 'string' },
          { name: 'p85', type: 'real' },
        ],
        rows: [
          { team: 'web', p85: 8 },
          { team: 'api', p85: 12 },
        ],
        render: 'barchart',
      }),
    );
    renderApp('/w/demo/explore');

    typeInto(
      await findQueryEditor(),
      'WorkItems | summarize p85 = percentile(cycleTime, 85) by team | render barchart',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Run' }));

    const chart = await screen.findByRole('region', { name: 'Query chart' });
    const figure = await within(chart).findByRole('figure', { name: 'Bar chart by team' });
    await waitFor(() => expect(figure.querySelectorAll('.recharts-bar-rectangle').length).toBe(2));
  });
});

describe('ExplorePage saved queries and alert rules', () => {
  const NOW = '2026-11-20T10:00:00.000Z';
  /**
   * A fake saved-queries store: what was saved is listed, and a replacement must carry the
   * stored version (409 `stale-version` otherwise), as the API does. `puts` keeps the bodies sent.
   */
  function savedQueryRoutes(initial: SavedQuery[] = []) {
    const items = [...initial];
    const puts: unknown[] = [];
    const routes: Record<string, FakeRoute> = {
      'GET /api/workspaces/demo/saved-queries': () => fakeResponse(200, { items }),
      'POST /api/workspaces/demo/saved-queries': ({ body }) => {
        const { name, query } = body as { name: string; query: string };
        const saved = {
          id: `00000000-0000-4000-8000-00000000050${items.length}`,
          name,
          query,
          version: 1,
          createdAt: NOW,
          updatedAt: NOW,
        };
        items.push(saved);
        return fakeResponse(201, saved);
      },
    };
    for (const item of initial) {
      routes[`DELETE /api/workspaces/demo/saved-queries/${item.id}`] = () => {
        items.splice(items.indexOf(item), 1);
        return fakeResponse(204, undefined);
      };
      routes[`PUT /api/workspaces/demo/saved-queries/${item.id}`] = ({ body }) => {
        puts.push(body);
        const { name, query, version } = body as { name: string; query: string; version: number };
        const index = items.findIndex(({ id }) => id === item.id);
        const stored = items[index];
        if (!stored) return problemResponse(404, 'Not Found');
        if (stored.version !== version) {
          return problemResponse(
            409,
            'Conflict',
            `You edited version ${version} of the saved query, but it has changed since: the stored version is ${stored.version}. Reload and try again.`,
            { kind: 'stale-version' },
          );
        }
        const saved = { ...stored, name, query, version: stored.version + 1 };
        items[index] = saved;
        return fakeResponse(200, saved);
      };
    }
    return { items, puts, routes };
  }

  it('saves the query under a name, lists it, and opens it again into the editor', async () => {
    const store = savedQueryRoutes();
    routes(() => answer({ columns: [], rows: [] }), { role: 'editor', extra: store.routes });
    renderApp('/w/demo/explore');

    const editor = await findQueryEditor();
    const text =
      'MetricPoints\n| where metric == "nps"\n| summarize avg(value) by bin(timestamp, 7d)';
    typeInto(editor, text);
    fireEvent.click(screen.getByRole('button', { name: 'Save query' }));
    const dialog = await screen.findByRole('dialog', { name: 'Save query' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Name/ }), {
      target: { value: 'Weekly NPS' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Save query' })).toBeNull());
    expect(store.items).toEqual([expect.objectContaining({ name: 'Weekly NPS', query: text })]);
    await waitFor(() => expect(location()).toBe(`/w/demo/explore?saved=${store.items[0]?.id}`));

    typeInto(editor, 'MetricPoints | count');
    fireEvent.click(screen.getByRole('button', { name: 'Saved queries' }));
    const list = await screen.findByRole('dialog', { name: 'Saved queries' });
    const table = await within(list).findByRole('table', { name: 'Saved queries' });
    fireEvent.click(within(table).getByRole('button', { name: 'Weekly NPS' }));

    await waitFor(() => expect(editor.state.doc.toString()).toBe(text));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Saved queries' })).toBeNull());
  });

  it('opens a saved query from its link', async () => {
    const saved: SavedQuery = {
      id: '00000000-0000-4000-8000-000000000601',
      name: 'Uptime',
      query: 'MetricPoints | where metric == "uptime"',
      version: 1,
      createdAt: NOW,
      updatedAt: NOW,
    };
    routes(() => answer({ columns: [], rows: [] }), {
      extra: savedQueryRoutes([saved]).routes,
    });
    renderApp(`/w/demo/explore?saved=${saved.id}`);

    const editor = await findQueryEditor();
    await waitFor(() => expect(editor.state.doc.toString()).toBe(saved.query));
    expect(await screen.findByText(/saved as “Uptime”/)).toBeTruthy();
    typeInto(editor, `${saved.query} | count`);
    expect(await screen.findByText(/from “Uptime”, changed since/)).toBeTruthy();
  });

  it('replaces the saved query it was opened from, sending the version it loaded', async () => {
    const saved: SavedQuery = {
      id: '00000000-0000-4000-8000-000000000604',
      name: 'Uptime',
      query: 'MetricPoints | where metric == "uptime"',
      version: 3,
      createdAt: NOW,
      updatedAt: NOW,
    };
    const store = savedQueryRoutes([saved]);
    routes(() => answer({ columns: [], rows: [] }), { role: 'editor', extra: store.routes });
    renderApp(`/w/demo/explore?saved=${saved.id}`);

    const editor = await findQueryEditor();
    await waitFor(() => expect(editor.state.doc.toString()).toBe(saved.query), LOADED);
    const text = `${saved.query} | count`;
    typeInto(editor, text);
    fireEvent.click(screen.getByRole('button', { name: 'Save query' }));
    const dialog = await screen.findByRole('dialog', { name: 'Save query' });
    expect(within(dialog).getByText(/replaces the saved “Uptime”/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(
      () => expect(screen.queryByRole('dialog', { name: 'Save query' })).toBeNull(),
      LOADED,
    );
    expect(store.puts).toEqual([{ name: 'Uptime', query: text, version: 3 }]);
    expect(store.items).toEqual([expect.objectContaining({ query: text, version: 4 })]);
    expect(await screen.findByText(/saved as “Uptime”/, {}, LOADED)).toBeTruthy();

    // Saved again from the same page: the version it just got back.
    typeInto(editor, `${text} | take 5`);
    fireEvent.click(screen.getByRole('button', { name: 'Save query' }));
    fireEvent.click(
      within(await screen.findByRole('dialog', { name: 'Save query' })).getByRole('button', {
        name: 'Save',
      }),
    );
    await waitFor(() => expect(store.puts).toHaveLength(2), LOADED);
    expect(store.puts[1]).toMatchObject({ version: 4 });
  });

  it('says clearly that a saved query someone saved meanwhile was not replaced, and changes nothing', async () => {
    const saved: SavedQuery = {
      id: '00000000-0000-4000-8000-000000000605',
      name: 'Shared latency',
      query: 'MetricPoints | where metric == "latency"',
      version: 1,
      createdAt: NOW,
      updatedAt: NOW,
    };
    const store = savedQueryRoutes([saved]);
    routes(() => answer({ columns: [], rows: [] }), { role: 'editor', extra: store.routes });
    renderApp(`/w/demo/explore?saved=${saved.id}`);

    const editor = await findQueryEditor();
    await waitFor(() => expect(editor.state.doc.toString()).toBe(saved.query), LOADED);
    // Someone else saves it after this page loaded it.
    const theirs = { ...saved, query: 'MetricPoints | where metric == "p95"', version: 2 };
    store.items[0] = theirs;
    typeInto(editor, `${saved.query} | count`);
    fireEvent.click(screen.getByRole('button', { name: 'Save query' }));
    const dialog = await screen.findByRole('dialog', { name: 'Save query' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(
      await within(dialog).findByText('Not saved: the saved query changed meanwhile', {}, LOADED),
    ).toBeTruthy();
    expect(within(dialog).getByRole('alert').textContent).toContain(
      'Someone saved “Shared latency” since you opened it',
    );
    expect(store.puts).toEqual([
      { name: 'Shared latency', query: `${saved.query} | count`, version: 1 },
    ]);
    expect(store.items).toEqual([theirs]);
    expect(screen.getByRole('dialog', { name: 'Save query' })).toBeTruthy();
  });

  it('lets an editor delete a saved query', async () => {
    const saved: SavedQuery = {
      id: '00000000-0000-4000-8000-000000000602',
      name: 'Old question',
      query: 'Metrics',
      version: 1,
      createdAt: NOW,
      updatedAt: NOW,
    };
    const store = savedQueryRoutes([saved]);
    routes(() => answer({ columns: [], rows: [] }), { role: 'editor', extra: store.routes });
    renderApp('/w/demo/explore');

    fireEvent.click(await screen.findByRole('button', { name: 'Saved queries' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Delete Old question' }));
    const confirm = await screen.findByRole('dialog', { name: 'Delete the saved query?' });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Delete' }));

    const list = await screen.findByRole('dialog', { name: 'Saved queries' });
    expect(await within(list).findByText(/No saved queries yet/)).toBeTruthy();
    expect(store.items).toEqual([]);
  });

  it('shows viewers the saved queries to open, without saving, deleting or making rules', async () => {
    const saved: SavedQuery = {
      id: '00000000-0000-4000-8000-000000000603',
      name: 'Shared',
      query: 'Metrics',
      version: 1,
      createdAt: NOW,
      updatedAt: NOW,
    };
    routes(() => answer({ columns: [], rows: [] }), { extra: savedQueryRoutes([saved]).routes });
    renderApp('/w/demo/explore');

    await findQueryEditor();
    expect(screen.queryByRole('button', { name: 'Save query' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Create alert rule' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Saved queries' }));
    expect(await screen.findByRole('button', { name: 'Shared' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Delete Shared' })).toBeNull();
  });

  it('starts an alert rule from the query, carrying its text in the address', async () => {
    routes(() => answer({ columns: [], rows: [] }), { role: 'editor' });
    renderApp('/w/demo/explore');

    const text = 'MetricPoints\n| where metric == "latency" and value > 200';
    typeInto(await findQueryEditor(), text);
    fireEvent.click(screen.getByRole('button', { name: 'Create alert rule' }));

    await waitFor(() =>
      expect(location()).toBe(`/w/demo/alerts/rules/new?query=${encodeURIComponent(text)}`),
    );
  });
});
