import { afterEach, describe, expect, it, jest } from '@jest/globals';
import type { Audience, StatusReport } from '@bearing/contracts';
import { screen, waitFor } from '@testing-library/react';
import { SignedInContext } from '../../../app/auth/signed-in-context';
import { renderWithProviders } from '../../../test-utils/render';
import { signedInAs } from '../../../test-utils/session-fixtures';
import { AudiencePreview } from './audience-preview';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

const REPORT = {
  id: '00000000-0000-4000-8000-000000000a01',
  programId: '00000000-0000-4000-8000-000000000a02',
  week: '2026-11-23',
  version: 3,
} as StatusReport;

/** Answers every Markdown request with a heading naming the audience asked for. */
function serveMarkdown() {
  const mock = jest.fn<typeof fetch>((input) => {
    const url = new URL(input as string, 'http://bearing.test');
    const audience = url.searchParams.get('audience') ?? 'none';
    return Promise.resolve({
      ok: true,
      status: 200,
      text: () => Promise.resolve(`# ${audience} rendering of the week\n`),
    } as Response);
  });
  globalThis.fetch = mock;
  return mock;
}

function renderFor(audience: Audience) {
  const me = { ...signedInAs('viewer'), preferences: { audience } };
  return renderWithProviders(
    <SignedInContext.Provider value={me}>
      <AudiencePreview workspace="demo" report={REPORT} />
    </SignedInContext.Provider>,
  );
}

describe('AudiencePreview', () => {
  it.each(['executive', 'stakeholder', 'team'] as const)(
    'opens on the reader’s own audience: %s',
    async (audience) => {
      const fetchMock = serveMarkdown();
      renderFor(audience);

      expect(await screen.findByText(`${audience} rendering of the week`)).toBeTruthy();
      const asked = new URL(fetchMock.mock.calls[0]?.[0] as string, 'http://bearing.test');
      expect(asked.searchParams.get('audience')).toBe(audience);
      await waitFor(() =>
        expect(screen.getByRole('radio', { checked: true }).getAttribute('value')).toBe(audience),
      );
    },
  );
});
