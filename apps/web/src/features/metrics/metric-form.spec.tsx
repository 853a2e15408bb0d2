import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { fakeResponse, mockFetch, sentBody } from '../../test-utils/fake-fetch';
import { metric } from '../../test-utils/okr-fixtures';
import { renderWithProviders } from '../../test-utils/render';
import { MetricForm } from './metric-form';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

function keyInput(): HTMLInputElement {
  return screen.getByLabelText<HTMLInputElement>(/^Key/);
}

describe('MetricForm', () => {
  it('derives the key from the name until the key is edited by hand', async () => {
    const created = metric({ key: 'podcast-ad-fill-rate', name: 'Podcast ad fill rate' });
    const fetchMock = mockFetch({
      'POST /api/workspaces/demo/metrics': () => fakeResponse(201, created),
    });
    const onCreated = jest.fn();
    renderWithProviders(<MetricForm workspace="demo" onSaved={onCreated} onCancel={() => {}} />);

    expect(
      screen.getByText(
        /Up to 64 lower-case letters, digits, dots, hyphens or underscores, starting with a letter or digit/,
      ),
    ).toBeTruthy();
    const name = screen.getByLabelText(/^Name/);
    fireEvent.change(name, { target: { value: 'Podcast ad' } });
    expect(keyInput().value).toBe('podcast-ad');
    fireEvent.change(name, { target: { value: 'Podcast ad fill rate (%)' } });
    expect(keyInput().value).toBe('podcast-ad-fill-rate');

    fireEvent.change(screen.getByLabelText(/^Direction/), {
      target: { value: 'increase-is-good' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Create metric' }));
    await waitFor(() => expect(onCreated.mock.calls[0]?.[0]).toEqual(created), {
      timeout: 30_000,
    });
    expect(sentBody(fetchMock, 'POST')).toEqual(
      expect.objectContaining({
        key: 'podcast-ad-fill-rate',
        name: 'Podcast ad fill rate (%)',
        direction: 'increase-is-good',
      }),
    );
  });

  it('keeps a key typed by hand when the name changes', () => {
    renderWithProviders(<MetricForm workspace="demo" onSaved={() => {}} onCancel={() => {}} />);

    fireEvent.change(screen.getByLabelText(/^Name/), { target: { value: 'Ad fill rate' } });
    fireEvent.change(keyInput(), { target: { value: 'ads.fill_rate' } });
    fireEvent.change(screen.getByLabelText(/^Name/), {
      target: { value: 'Ad fill rate, podcasts' },
    });
    expect(keyInput().value).toBe('ads.fill_rate');
  });

  it('asks which way is better rather than assuming it', async () => {
    const fetchMock = mockFetch({});
    renderWithProviders(<MetricForm workspace="demo" onSaved={() => {}} onCancel={() => {}} />);

    fireEvent.change(screen.getByLabelText(/^Name/), { target: { value: 'Start latency' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create metric' }));

    expect(
      await screen.findByText('Choose which way is better', {}, { timeout: 15000 }),
    ).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
