import { afterEach, describe, expect, it } from '@jest/globals';
import { fireEvent, screen, within } from '@testing-library/react';
import { fakeResponse, mockFetch } from '../../test-utils/fake-fetch';
import { renderApp } from '../../test-utils/render-app';
import { shellRoutes, signedInAs } from '../../test-utils/session-fixtures';

const realFetch = globalThis.fetch;
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
        { name: 'value', type: 'real', description: 'The value.' },
      ],
    },
  ],
  operators: ['where', 'summarize'],
  functions: ['avg', 'count'],
};

function routes(run: (body: unknown) => Response) {
  return mockFetch({
    ...shellRoutes(signedInAs('viewer')),
    '/api/workspaces/demo/queries/catalog': () => fakeResponse(200, CATALOG),
    'POST /api/workspaces/demo/queries/run': ({ body }) => run(body),
  });
}

describe('ExplorePage', () => {
  it('runs the query with Ctrl+Enter and shows the answer as a table, with the tables listed', async () => {
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

    const editor = await screen.findByRole('textbox', { name: /Query/ });
    fireEvent.change(editor, {
      target: { value: 'MetricPoints | summarize avg(value) by metric' },
    });
    fireEvent.keyDown(editor, { key: 'Enter', ctrlKey: true });

    const table = await screen.findByRole('table', { name: 'Query results' });
    expect(within(table).getByText('uptime')).toBeTruthy();
    expect(within(table).getByText('98.1')).toBeTruthy();
    expect(screen.getByRole('status', { name: 'Query statistics' }).textContent).toBe(
      '1 row in 4.2 ms.',
    );
    expect(sent).toEqual([{ query: 'MetricPoints | summarize avg(value) by metric' }]);
    expect(await screen.findByText('MetricPoints')).toBeTruthy();
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

    fireEvent.click(await screen.findByRole('button', { name: 'Run' }));

    expect((await screen.findByRole('status', { name: 'Query statistics' })).textContent).toMatch(
      /^The first 10,000 rows — more matched/,
    );
  });
});
