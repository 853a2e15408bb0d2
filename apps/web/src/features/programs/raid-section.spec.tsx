import { afterEach, describe, expect, it } from '@jest/globals';
import type { RaidItem, RaidStatus } from '@bearing/contracts';
import { fireEvent, screen, within } from '@testing-library/react';
import { fakeResponse, mockFetch } from '../../test-utils/fake-fetch';
import { renderWithProviders } from '../../test-utils/render';
import { RaidSection } from './raid-section';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

const PROGRAM = '00000000-0000-4000-8000-000000000e01';

let sequence = 0;
function item(title: string, status: RaidStatus, probability: number, impact: number): RaidItem {
  sequence += 1;
  return {
    id: `00000000-0000-4000-8000-0000000e${String(sequence).padStart(4, '0')}`,
    programId: PROGRAM,
    kind: 'risk',
    title,
    probability,
    impact,
    score: probability * impact,
    ownerId: null,
    ownerName: null,
    mitigation: '',
    status,
    dueDate: null,
    createdAt: '2026-03-01T09:00:00.000Z',
    updatedAt: '2026-03-01T09:00:00.000Z',
    version: 1,
  };
}

const ITEMS: RaidItem[] = [
  item('Vendor misses the PCI audit', 'open', 4, 5),
  item('Card vault outage', 'resolved', 4, 5),
  item('Peak traffic beyond plan', 'mitigated', 2, 3),
  item('Legacy checkout kept one more quarter', 'accepted', 1, 1),
];

function cell(probability: number, impact: number): HTMLElement {
  return screen.getByRole('button', {
    name: new RegExp(`^Probability ${probability}, impact ${impact}, `),
  });
}

describe('RaidSection', () => {
  it('counts open items only by default, and every item when "All" is picked', async () => {
    mockFetch({
      [`/api/workspaces/demo/programs/${PROGRAM}/raid`]: () =>
        fakeResponse(200, { items: ITEMS, nextCursor: null }),
    });
    renderWithProviders(<RaidSection workspace="demo" programId={PROGRAM} editor={false} />);
    await screen.findByRole('group', { name: 'RAID heat map' }, { timeout: 30_000 });

    expect(cell(4, 5).getAttribute('aria-label')).toContain('items: 1,');
    expect(cell(2, 3).getAttribute('aria-label')).toContain('items: 0,');
    expect(cell(1, 1).getAttribute('aria-label')).toContain('items: 0,');
    const list = () => within(screen.getByRole('table', { name: 'RAID items' }));
    expect(list().getByText('Vendor misses the PCI audit')).toBeTruthy();
    expect(list().queryByText('Card vault outage')).toBeNull();

    const shown = within(screen.getByRole('radiogroup', { name: 'RAID items counted' }));
    fireEvent.click(shown.getByLabelText('All'));

    expect(cell(4, 5).getAttribute('aria-label')).toContain('items: 2,');
    expect(cell(2, 3).getAttribute('aria-label')).toContain('items: 1,');
    expect(cell(1, 1).getAttribute('aria-label')).toContain('items: 1,');
    expect(list().getByText('Card vault outage')).toBeTruthy();
  });
});
