import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ImportJob as ImportJobResponse, ImportJobPage, PageQuery } from '@bearing/contracts';
import { DataSource } from 'typeorm';
import { createdAtIdPosition, decodeCursor, toPage } from '../common/pagination/cursor.js';
import { ProblemException } from '../common/problem/problem.js';
import { findTeam } from '../teams/team-lookup.js';
import { failStaleImportJobs } from './import-job-heartbeat.js';
import { ImportJob } from './import-job.entity.js';
import { toImportJobResponse } from './import-job.mapper.js';

/** The import history and the progress of one import; reading either fails stale jobs. */
@Injectable()
export class ImportJobsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A team's imports, newest first. */
  async list(workspaceId: string, teamRef: string, page: PageQuery): Promise<ImportJobPage> {
    const team = await findTeam(this.dataSource.manager, workspaceId, teamRef);
    await failStaleImportJobs(this.dataSource.manager, { teamId: team.id });
    const after = decodeCursor(page.cursor, createdAtIdPosition);
    const query = this.dataSource
      .getRepository(ImportJob)
      .createQueryBuilder('job')
      .where('job.workspaceId = :workspaceId', { workspaceId })
      .andWhere('job.teamId = :teamId', { teamId: team.id })
      .orderBy('job.createdAt', 'DESC')
      .addOrderBy('job.id', 'DESC')
      .limit(page.limit + 1);
    if (after) {
      query.andWhere('(job.createdAt, job.id) < (:createdAt, :id)', {
        createdAt: after[0],
        id: after[1],
      });
    }
    return toPage(await query.getMany(), page.limit, toImportJobResponse, (job) => [
      job.createdAt.toISOString(),
      job.id,
    ]);
  }

  /** A job cut off by a stopped server reads as `failed`, saying so (import-job-heartbeat.ts). */
  async get(workspaceId: string, id: string): Promise<ImportJobResponse> {
    const jobs = this.dataSource.getRepository(ImportJob);
    let job = await jobs.findOneBy({ id, workspaceId });
    if (!job) throw ProblemException.notFound('There is no such import here.');
    if (job.status === 'running' && (await failStaleImportJobs(jobs.manager, { jobId: id })) > 0) {
      job = await jobs.findOneByOrFail({ id, workspaceId });
    }
    return toImportJobResponse(job);
  }
}
