import { MessageChannel } from 'node:worker_threads';
import { importUploadFieldsSchema } from '@bearing/contracts';
import { type WorkerPool, workerTask } from '../common/worker-pool/worker-pool.js';
import type { readImportUploadAhead } from './import-read.worker.js';
import type { ReadWhileReceiving } from './upload-storage.js';

const readAheadTask = workerTask<typeof readImportUploadAhead>(
  new URL('./import-read.worker.js', import.meta.url),
  'readImportUploadAhead',
);

/**
 * Reads a Jira JSON export on the worker pool while it is received, when its form fields came
 * before the file (as the web app and the API docs send them) and are valid: the reader is told
 * of each piece once it is on disk. CSV and uploads whose fields come later are read once
 * received, as before. The service uses this reading only if the fields it validates are the
 * same; an unused or failed one is dropped (the service reads the file itself).
 */
export function readWhileReceivingOn(workers: WorkerPool): ReadWhileReceiving {
  return (body, path) => {
    const fields = importUploadFieldsSchema.safeParse(body);
    if (!fields.success || fields.data.format !== 'jira-json') return undefined;
    const { port1, port2 } = new MessageChannel();
    const reading = workers.run(
      readAheadTask,
      { path, progress: port2, mapping: fields.data.mapping },
      [port2],
    );
    // Awaited by the service when it uses it; an unused reading must not go unhandled.
    reading.catch(() => undefined);
    return {
      started: { fields: fields.data, reading },
      report: (notice) => port1.postMessage(notice),
    };
  };
}
