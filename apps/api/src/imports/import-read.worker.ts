// Runs on a thread of the worker pool (common/worker-pool): reading a Jira export — up to
// 100,000 issues, JSON or CSV — takes seconds of CPU the HTTP thread cannot spare.
import type { ImportFormat, ImportMapping, ImportProblem } from '@bearing/contracts';
import { poolTask } from '../common/worker-pool/pool-task.js';
import { type ImportedSprint, type ImportFile, ImportFileError } from './import-file.js';
import { readJiraCsv } from './jira/jira-csv-reader.js';
import { readJiraJson } from './jira/jira-json-reader.js';

export type ImportUploadToRead = {
  /** The upload in a private temporary file. */
  path: string;
  format: ImportFormat;
  mapping: ImportMapping;
  /** Zone of a CSV's dates unless the mapping names one. */
  teamTimeZone: string;
};

/** An `ImportFile` as plain data: its sprints as `[reference, sprint]` entries. */
export type PlainImportFile = Omit<ImportFile, 'sprints'> & {
  sprints: [string, ImportedSprint][];
};

/** What reading an export came to: the file, or why it is refused (an `ImportFileError`'s data). */
export type ImportReadOutcome =
  | { outcome: 'read'; file: PlainImportFile }
  | {
      outcome: 'refused';
      reason: ImportFileError['reason'];
      problems: ImportProblem[];
      truncated: boolean;
    };

/** Reads a Jira export from its file, streamed, as `readJiraJson` / `readJiraCsv` do. */
export const readImportUpload = poolTask(async function readImportUpload(
  upload: ImportUploadToRead,
): Promise<ImportReadOutcome> {
  try {
    const file =
      upload.format === 'jira-json'
        ? await readJiraJson(upload.path, upload.mapping)
        : await readJiraCsv(upload.path, upload.mapping, upload.teamTimeZone);
    return { outcome: 'read', file: { ...file, sprints: [...file.sprints] } };
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    return {
      outcome: 'refused',
      reason: error.reason,
      problems: error.problems,
      truncated: error.truncated,
    };
  }
});
