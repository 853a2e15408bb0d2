import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ImportJob as ImportJobResponse, ImportJobPage, PageQuery } from '@bearing/contracts';
import { DataSource } from 'typeorm';
import { findTeam } from '../teams/team.repository.js';
import {
  failStaleImportJobs,
  findImportJob,
  importJobPage,
  reloadImportJob,
} from './import-job.repository.js';
import { toImportJobResponse } from './import-job.mapper.js';

/** The import history and the progress of one import; reading either fails stale jobs. */
@Injectable()
export class ImportJobsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A team's imports, newest first. */
  async list(workspaceId: string, teamRef: string, page: PageQuery): Promise<ImportJobPage> {
    const team = await findTeam(this.dataSource.manager, workspaceId, teamRef);
    await failStaleImportJobs(this.dataSource.manager, { teamId: team.id });
    return importJobPage(this.dataSource.manager, { workspaceId, teamId: team.id }, page);
  }

  /** A job cut off by a stopped server reads as `failed`, saying so (import-job.repository.ts). */
  async get(workspaceId: string, id: string): Promise<ImportJobResponse> {
    const manager = this.dataSource.manager;
    let job = await findImportJob(manager, workspaceId, id);
    if (job.status === 'running' && (await failStaleImportJobs(manager, { jobId: id })) > 0) {
      job = await reloadImportJob(manager, workspaceId, id);
    }
    return toImportJobResponse(job);
  }
}
