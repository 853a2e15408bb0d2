import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { HealthResponse, ReadinessResponse } from '@bearing/contracts';
import { DataSource } from 'typeorm';
import { APP_VERSION } from '../config/version.js';
import { ProblemException, PROBLEM_TYPE_BASE } from '../common/problem/problem.js';
import { migrationStatus } from '../database/run-migrations.js';

@Injectable()
export class HealthService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  liveness(): HealthResponse {
    return { status: 'ok', version: APP_VERSION };
  }

  async readiness(): Promise<ReadinessResponse> {
    let migrations: { applied: number; pending: number };
    try {
      migrations = await migrationStatus(this.dataSource);
    } catch {
      throw notReady('The database does not answer.');
    }
    if (migrations.pending > 0) {
      throw notReady(`${migrations.pending} database migration(s) are not applied yet.`);
    }
    return {
      status: 'ready',
      database: 'up',
      migrations: { applied: migrations.applied, pending: 0 },
    };
  }
}

function notReady(detail: string): ProblemException {
  return new ProblemException({
    type: `${PROBLEM_TYPE_BASE}not-ready`,
    title: 'Not ready',
    status: HttpStatus.SERVICE_UNAVAILABLE,
    detail,
  });
}
