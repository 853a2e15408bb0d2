import { MessageChannel } from 'node:worker_threads';
import { importUploadFieldsSchema } from '@bearing/contracts';
import { WORKER_THREADS, type WorkerPool, workerTask } from '../common/worker-pool/worker-pool.js';
import type { readImportUploadAhead } from './import-read.worker.js';
import type { ReadWhileReceiving } from './upload-storage.js';

const readAheadTask = workerTask<typeof readImportUploadAhead>(
  new URL('./import-read.worker.js', import.meta.url),
  'readImportUploadAhead',
);

/**
 * Uploads read while they arrive at once, at most: such a reading holds its pool thread for as
 * long as the client takes to send the file — minutes over a slow link — so at least one
 * thread always stays free for short tasks (a forecast, a CSV to refuse).
 */
export const MAX_READS_WHILE_RECEIVING = Math.max(1, WORKER_THREADS - 1);

/**
 * Reads a Jira JSON export on the worker pool while it is received, when its form fields came
 * before the file (as the web app and the API docs send them) and are valid: the reader is told
 * of each piece once it is on disk. CSV, uploads whose fields come later and uploads beyond
 * `MAX_READS_WHILE_RECEIVING` are read once received, as before. The service uses this reading
 * only if the fields it validates are the same; an unused or failed one is dropped (the service
 * reads the file itself).
 */
export function readWhileReceivingOn(workers: WorkerPool): ReadWhileReceiving {
  let active = 0;
  return (body, path) => {
    const fields = importUploadFieldsSchema.safeParse(body);
    if (!fields.success || fields.data.format !== 'jira-json') return undefined;
    if (active >= MAX_READS_WHILE_RECEIVING) return undefined;
    active++;
    const { port1, port2 } = new MessageChannel();
    const reading = workers.run(
      readAheadTask,
      { path, progress: port2, mapping: fields.data.mapping },
      [port2],
    );
    // Awaited by the service when it uses it; an unused reading must not go unhandled.
    reading.catch(() => undefined).finally(() => active--);
    return {
      started: { fields: fields.data, reading },
      report: (notice) => port1.postMessage(notice),
    };
  };
}
