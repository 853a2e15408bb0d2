import type { ImportJob } from '@bearing/contracts';
import { describe, expect, it } from '@jest/globals';
import { screen, within } from '@testing-library/react';
import { renderWithProviders } from '../../../test-utils/render';
import { ImportOutcome } from './import-outcome';

const FAILED: ImportJob = {
  id: '00000000-0000-4000-8000-000000000a01',
  teamId: '00000000-0000-4000-8000-000000000701',
  dryRun: false,
  format: 'jira-csv',
  fileName: 'export.csv',
  fileSize: 2048,
  status: 'failed',
  progress: 0.4,
  result: {
    items: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    sprints: { created: 0, updated: 0, unchanged: 0 },
    history: { statusChanges: 0, sprintChanges: 0, estimateChanges: 0 },
    statuses: [],
    unknownStatuses: [],
    storyPointsField: null,
    sprintField: null,
    problems: [{ key: 'PAY-7', line: 9, message: 'Created: "31/Feb/24 9:00 AM" is not a date' }],
    metrics: { available: [], unavailable: [] },
  },
  createdBy: null,
  createdAt: '2026-11-26T08:00:00.000Z',
  finishedAt: '2026-11-26T08:00:02.000Z',
};

describe('ImportOutcome', () => {
  it('says a failed import stored nothing and shows each problem with its key and line', () => {
    renderWithProviders(<ImportOutcome job={FAILED} />);
    const alert = screen.getByRole('alert');
    expect(within(alert).getByText('Import failed — nothing was stored')).toBeTruthy();
    const problems = within(alert).getByRole('list', { name: 'Why it failed' });
    expect(within(problems).getByText('PAY-7 (line 9)')).toBeTruthy();
    expect(within(problems).getByText('Created: "31/Feb/24 9:00 AM" is not a date')).toBeTruthy();
  });

  it('shows the counts of a completed import', () => {
    const result = { ...FAILED.result!, items: 3, created: 2, updated: 1, problems: [] };
    renderWithProviders(<ImportOutcome job={{ ...FAILED, status: 'completed', result }} />);
    expect(screen.getByText('✓ Import completed')).toBeTruthy();
    const counts = screen.getByLabelText('Work items');
    expect(within(counts).getByText('Created').nextElementSibling?.textContent).toBe('2');
    expect(within(counts).getByText('Updated').nextElementSibling?.textContent).toBe('1');
  });
});
