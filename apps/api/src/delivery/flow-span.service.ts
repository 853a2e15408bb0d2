import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FlowSpanResponse } from '@bearing/contracts';
import { epochMsToDay } from '@bearing/metrics';
import { DataSource } from 'typeorm';
import { ClockService } from '../common/clock/clock.service.js';
import { readFlowSpan } from './flow-span.repository.js';
import { readFlowTeam } from './flow-read-model/flow-read-model.repository.js';
import { todayOf } from './team-days.js';

/**
 * Which days a team's items cover, as days in the team's time zone: the web app opens the flow
 * charts on a range with data (an import of last year's work is not in the last 90 days) and
 * says what is missing when a range is empty.
 */
@Injectable()
export class FlowSpanService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: ClockService,
  ) {}

  async span(workspaceId: string, teamRef: string): Promise<FlowSpanResponse> {
    const manager = this.dataSource.manager;
    // A plain row: the team's id and time zone are all this needs.
    const team = await readFlowTeam(manager, workspaceId, teamRef);
    const row = await readFlowSpan(manager, workspaceId, team.id);
    const dayOf = (at: Date | null) =>
      at === null ? null : epochMsToDay(at.getTime(), team.timeZone);
    return {
      timeZone: team.timeZone,
      today: todayOf(team, this.clock.now()),
      items: row.items,
      itemsWithHistory: row.itemsWithHistory,
      first: dayOf(row.firstAt),
      last: dayOf(row.lastAt),
    };
  }
}
