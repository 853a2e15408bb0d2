import { afterEach, describe, expect, it } from '@jest/globals';
import { screen } from '@testing-library/react';
import { fakeResponse, mockFetch } from '../../test-utils/fake-fetch';
import { renderWithProviders } from '../../test-utils/render';
import { ReadinessIndicator } from './readiness-indicator';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

describe('ReadinessIndicator', () => {
  it('says "Checking…" until /api/ready answers, then "Ready"', async () => {
    const fetchMock = mockFetch({
      '/api/ready': () =>
        fakeResponse(200, {
          status: 'ready',
          database: 'up',
          migrations: { applied: 4, pending: 0 },
        }),
    });

    renderWithProviders(<ReadinessIndicator />);

    expect(screen.getByRole('status').textContent).toContain('Checking…');
    expect(await screen.findByText('Ready')).toBeTruthy();
    expect(screen.getByRole('status').getAttribute('title')).toBe(
      'Database up, 4 migrations applied',
    );
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/ready');
  });

  it('says "Database unavailable" when /api/ready answers 503', async () => {
    mockFetch({
      '/api/ready': () =>
        fakeResponse(
          503,
          {
            type: 'about:blank',
            title: 'Service Unavailable',
            status: 503,
            detail: 'The database does not answer.',
          },
          'application/problem+json',
        ),
    });

    renderWithProviders(<ReadinessIndicator />);

    expect(await screen.findByText('Database unavailable')).toBeTruthy();
    const status = screen.getByRole('status');
    expect(status.getAttribute('aria-label')).toBe('Server status: Database unavailable');
    expect(status.getAttribute('title')).toBe('The database does not answer.');
  });

  it('says "API unreachable" when the request itself fails', async () => {
    const fetchMock = mockFetch({});
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));

    renderWithProviders(<ReadinessIndicator />);

    expect(await screen.findByText('API unreachable')).toBeTruthy();
  });
});
