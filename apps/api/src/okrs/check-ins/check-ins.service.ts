import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CheckIn as CheckInResponse,
  CheckInPage,
  CreateCheckInRequest,
  PageQuery,
} from '@bearing/contracts';
import { DataSource } from 'typeorm';
import type { Actor } from '../../access/caller.js';
import { recordAuditEvent } from '../../audit/audit.repository.js';
import { ClockService } from '../../common/clock/clock.service.js';
import { findKeyResult, invalid, shareLockKeyResult } from '../okr.repository.js';
import { toCheckInResponse } from './check-in.mapper.js';
import { checkInPage, insertCheckIn } from './check-in.repository.js';
import { shareLockedStatus } from '../objectives/objective.repository.js';

/** The cadence arithmetic of check-ins, for other features' reports. */
export { addCadence } from './check-in-due.js';

/** Check-ins of a key result: history, only ever added to. */
@Injectable()
export class CheckInsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: ClockService,
  ) {}

  /** Latest first (by date, then by when made), keyset-paged on (date, created_at, id). */
  async list(workspaceId: string, keyResultId: string, page: PageQuery): Promise<CheckInPage> {
    const keyResult = await findKeyResult(this.dataSource.manager, workspaceId, keyResultId);
    const { rows, nextCursor } = await checkInPage(
      this.dataSource.manager,
      workspaceId,
      keyResult.id,
      page,
    );
    return { items: rows.map(toCheckInResponse), nextCursor };
  }

  /**
   * Records a check-in by the caller. Only active objectives take check-ins. The key result's
   * row is share-locked before its kind and objective are read, so an edit of either (which
   * locks it) is either committed and seen here, or waits for the check-in; then the
   * objective's row, so it cannot be closed half-way through.
   */
  async create(
    workspaceId: string,
    actor: Actor,
    keyResultId: string,
    request: CreateCheckInRequest,
  ): Promise<CheckInResponse> {
    return this.dataSource.transaction(async (manager) => {
      await shareLockKeyResult(manager, workspaceId, keyResultId);
      const keyResult = await findKeyResult(manager, workspaceId, keyResultId);
      const status = await shareLockedStatus(manager, workspaceId, keyResult.objectiveId);
      if (status !== 'active') {
        throw invalid(
          'objective.status',
          `is ${status ?? 'unknown'}: only key results of active objectives take check-ins`,
        );
      }
      if (keyResult.kind === 'milestone' && request.value !== 0 && request.value !== 1) {
        throw invalid('value', 'must be 0 (not done) or 1 (done) for a milestone');
      }
      const today = this.clock.today();
      const date = request.date ?? today;
      if (date > today) throw invalid('date', `must not be after today (${today})`);
      const checkIn = await insertCheckIn(manager, {
        workspaceId,
        keyResultId: keyResult.id,
        authorUserId: actor.userId,
        value: request.value,
        confidence: request.confidence,
        note: request.note,
        date,
      });
      await recordAuditEvent(manager, {
        workspaceId,
        actor,
        action: 'check-in.created',
        target: { type: 'check_in', id: checkIn.id },
        details: { keyResultId: keyResult.id, value: checkIn.value, date },
      });
      return toCheckInResponse(checkIn);
    });
  }
}
