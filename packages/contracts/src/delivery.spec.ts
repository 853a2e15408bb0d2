import { describe, expect, it } from '@jest/globals';
import {
  createTeamRequestSchema,
  dayRangeQuerySchema,
  importUploadFieldsSchema,
  putSprintAvailabilityRequestSchema,
  workflowSchema,
} from './index.js';

describe('delivery contracts', () => {
  it('gives a new team UTC, weekends off and the default workflow', () => {
    expect(createTeamRequestSchema.parse({ name: 'Payments', slug: 'payments' })).toMatchObject({
      timeZone: 'UTC',
      calendar: { nonWorkingWeekdays: [0, 6], holidays: [] },
      workflow: { committedStage: 'In Progress', doneStage: 'Done' },
    });
  });

  it('refuses a workflow with a status in two stages or stages out of order', () => {
    const result = workflowSchema.safeParse({
      stages: [
        { name: 'Doing', statuses: ['In Progress'] },
        { name: 'Done', statuses: ['Done', 'In Progress'] },
      ],
      committedStage: 'Done',
      doneStage: 'Doing',
    });
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual([
      'stages.1.statuses.1',
      'committedStage',
    ]);
  });

  it('reads the multipart fields of an upload: dryRun as text, mapping as JSON', () => {
    expect(
      importUploadFieldsSchema.parse({
        format: 'jira-csv',
        dryRun: 'true',
        mapping: '{"dateFormat":"yyyy-MM-dd","statuses":{"Doing":"In Progress"}}',
      }),
    ).toEqual({
      format: 'jira-csv',
      dryRun: true,
      mapping: { dateFormat: 'yyyy-MM-dd', statuses: { Doing: 'In Progress' } },
    });
    expect(importUploadFieldsSchema.parse({ format: 'jira-json' })).toMatchObject({
      dryRun: false,
      mapping: { dateFormat: 'dd/MMM/yy h:mm a' },
    });
    expect(
      importUploadFieldsSchema
        .safeParse({ format: 'jira-json', mapping: '{"storyPoints":1}' })
        .error?.issues.map((issue) => issue.path.join('.')),
    ).toEqual(['mapping']);
  });

  it('checks ranges and availability', () => {
    expect(dayRangeQuerySchema.safeParse({ from: '2024-03-02', to: '2024-03-01' }).success).toBe(
      false,
    );
    expect(
      putSprintAvailabilityRequestSchema.safeParse({
        version: 1,
        members: [
          {
            memberId: '4b1d0f5e-8c39-4a4b-9a3e-1c2d3e4f5a6b',
            daysOff: ['2024-03-05', '2024-03-05'],
          },
        ],
      }).success,
    ).toBe(false);
  });
});
