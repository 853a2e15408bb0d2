import { describe, expect, it } from '@jest/globals';
import { importUploadFieldsSchema } from '@bearing/contracts';
import type { ImportedItem, ImportFile } from './import-file.js';
import { ReadUploads } from './read-uploads.js';

const fields = importUploadFieldsSchema.parse({ format: 'jira-csv' });

function fileOf(items: number): ImportFile {
  return {
    format: 'jira-csv',
    items: Array.from({ length: items }, (_, index) => ({ key: `K-${index}` }) as ImportedItem),
    sprints: new Map(),
    problems: [],
    storyPointsField: null,
    sprintField: null,
    hasHistory: false,
  };
}

describe('ReadUploads', () => {
  it('hands a read file to its job once, and only for the same fields and time zone', () => {
    const uploads = new ReadUploads();
    const file = fileOf(2);
    uploads.keep('job-1', file, fields, 'Europe/Berlin');
    // The job's payload comes back from the queue's jsonb with its keys in another order.
    const { format, dryRun, mapping } = fields;
    expect(uploads.take('job-1', { mapping, dryRun, format }, 'Europe/Berlin')).toBe(file);
    expect(uploads.take('job-1', fields, 'Europe/Berlin')).toBeUndefined();

    uploads.keep('job-2', file, fields, 'Europe/Berlin');
    // The team's zone changed since the upload: a CSV's dates would read differently.
    expect(uploads.take('job-2', fields, 'America/New_York')).toBeUndefined();
    uploads.keep('job-3', file, fields, 'UTC');
    expect(
      uploads.take(
        'job-3',
        { ...fields, mapping: { ...fields.mapping, storyPointsField: 'x' } },
        'UTC',
      ),
    ).toBe(undefined);
    uploads.clear();
  });

  it('holds at most 100,000 issues: a larger file is read again by its job', () => {
    const uploads = new ReadUploads();
    uploads.keep('big', fileOf(60_000), fields, 'UTC');
    uploads.keep('too-many', fileOf(50_000), fields, 'UTC');
    expect(uploads.take('too-many', fields, 'UTC')).toBeUndefined();
    expect(uploads.take('big', fields, 'UTC')?.items).toHaveLength(60_000);
    // Taken, the room is free again.
    uploads.keep('next', fileOf(50_000), fields, 'UTC');
    expect(uploads.take('next', fields, 'UTC')?.items).toHaveLength(50_000);
  });
});
