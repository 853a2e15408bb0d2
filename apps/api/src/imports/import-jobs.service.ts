import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ImportJob as ImportJobResponse, ImportJobPage, PageQuery } from '@bearing/contracts';
import { DataSource } from 'typeorm';
import { findTeam } from '../teams/team.repository.js';
import { failStaleImportJobs } from './import-job.repository.js';
import { ImportJob } from './import-job.entity.js';
import { toImportJobResponse } from './import-job.mapper.js';
import { findInWorkspaceOr404 } from '../common/database/workspace-record.repository.js';
import { createdAtIdOrder, keysetItems } from '../common/pagination/keyset-page.js';

/** The import history and the progress of one import; reading either fails stale jobs. */
@Injectable()
export class ImportJobsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A team's imports, newest first. */
  async list(workspaceId: string, teamRef: string, page: PageQuery): Promise<ImportJobPage> {
    const team = await findTeam(this.dataSource.manager, workspaceId, teamRef);
    await failStaleImportJobs(this.dataSource.manager, { teamId: team.id });
    const query = this.dataSource
      .getRepository(ImportJob)
      .createQueryBuilder('job')
      .where('job.workspaceId = :workspaceId', { workspaceId })
      .andWhere('job.teamId = :teamId', { teamId: team.id });
    return keysetItems(query, page, createdAtIdOrder('job', 'DESC'), toImportJobResponse);
  }

  /** A job cut off by a stopped server reads as `failed`, saying so (import-job.repository.ts). */
  async get(workspaceId: string, id: string): Promise<ImportJobResponse> {
    const jobs = this.dataSource.getRepository(ImportJob);
    let job = await findInWorkspaceOr404(
      jobs.manager,
      ImportJob,
      { workspaceId, where: { id } },
      'There is no such import here.',
    );
    if (job.status === 'running' && (await failStaleImportJobs(jobs.manager, { jobId: id })) > 0) {
      job = await jobs.findOneByOrFail({ id, workspaceId });
    }
    return toImportJobResponse(job);
  }
}
