import type { ImportJob as ImportJobResponse } from '@bearing/contracts';
import type { ImportJob } from './import-job.entity.js';

export function toImportJobResponse(job: ImportJob): ImportJobResponse {
  return {
    id: job.id,
    teamId: job.teamId,
    dryRun: false,
    format: job.format,
    fileName: job.fileName,
    fileSize: job.fileSize,
    status: job.status,
    progress: job.progress,
    result: job.result,
    createdBy: job.createdByUserId,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}
