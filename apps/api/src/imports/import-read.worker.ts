// Runs on a thread of the worker pool (common/worker-pool): reading a Jira export — up to
// 100,000 issues, JSON or CSV — takes seconds of CPU the HTTP thread cannot spare.
import type { MessagePort } from 'node:worker_threads';
import type { ImportFormat, ImportMapping, ImportProblem } from '@bearing/contracts';
import { poolTask } from '../common/worker-pool/pool-task.js';
import { type ImportedSprint, type ImportFile, ImportFileError } from './import-file.js';
import { growingFile } from './growing-file.js';
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

/**
 * Reads a Jira export from its file, streamed, as `readJiraJson` / `readJiraCsv` do. The CSV
 * reader is loaded on its first use: its date library is hundreds of modules, which took a
 * thread seconds to load before it read its first JSON export.
 */
export const readImportUpload = poolTask(async function readImportUpload(
  upload: ImportUploadToRead,
): Promise<ImportReadOutcome> {
  return outcomeOf(async () =>
    upload.format === 'jira-json'
      ? readJiraJson(upload.path, upload.mapping)
      : (await import('./jira/jira-csv-reader.js')).readJiraCsv(
          upload.path,
          upload.mapping,
          upload.teamTimeZone,
        ),
  );
});

/** A Jira JSON export being received: its file, and the port that reports its growth. */
export type ImportUploadToReadAhead = {
  path: string;
  progress: MessagePort;
  mapping: ImportMapping;
};

/**
 * Reads a Jira JSON export while it is still being received, from its file as the receiving
 * side reports it written (see `growingFile`): the reading runs while the upload arrives,
 * instead of starting once it has.
 */
export const readImportUploadAhead = poolTask(async function readImportUploadAhead(
  upload: ImportUploadToReadAhead,
): Promise<ImportReadOutcome> {
  return outcomeOf(() => readJiraJson(growingFile(upload.path, upload.progress), upload.mapping));
});

async function outcomeOf(read: () => Promise<ImportFile>): Promise<ImportReadOutcome> {
  try {
    const file = await read();
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
}

/**
 * Loads this module (and the JSON reader) in a thread of the pool, so the first upload after a
 * start does not wait for it.
 */
export function warmUpImportReader(): boolean {
  return true;
}
