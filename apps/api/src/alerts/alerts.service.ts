import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Alert as AlertResponse } from '@bearing/contracts';
import { DataSource } from 'typeorm';
import type { Actor } from '../access/caller.js';
import { recordAuditEvent } from '../audit/audit.repository.js';
import { ProblemException } from '../common/problem/problem.js';
import type { Alert } from './alert.entity.js';
import { toAlertResponse } from './alert-rule.mapper.js';
import { acknowledgeFiringAlert, alertOf, alertsOf } from './alert.repository.js';

/** The most alerts one list shows: firing ones come first, so they are never cut. */
const ALERT_LIST_LIMIT = 500;

/** The workspace's alerts (firing first) and acknowledging one. */
@Injectable()
export class AlertsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(workspaceId: string, state: Alert['state'] | undefined): Promise<AlertResponse[]> {
    const alerts = await alertsOf(this.dataSource.manager, workspaceId, state, ALERT_LIST_LIMIT);
    return alerts.map(toAlertResponse);
  }

  /**
   * Someone is on it: a firing alert becomes acknowledged until a run no longer matches. One
   * conditional update, so it cannot race an evaluation: an alert resolved meanwhile stays
   * resolved (409), and acknowledging an acknowledged alert changes nothing.
   */
  async acknowledge(workspaceId: string, id: string, actor: Actor): Promise<AlertResponse> {
    return this.dataSource.transaction(async (manager) => {
      const acknowledged = await acknowledgeFiringAlert(manager, workspaceId, id);
      const alert = await alertOf(manager, workspaceId, id);
      if (!alert?.rule) throw ProblemException.notFound('No such alert in this workspace.');
      if (alert.state === 'resolved') {
        throw ProblemException.conflict(
          'alert-resolved',
          'This alert is resolved: there is nothing to acknowledge.',
        );
      }
      if (acknowledged) {
        await recordAuditEvent(manager, {
          workspaceId,
          actor,
          action: 'alert.acknowledged',
          target: { type: 'alert-rule', id: alert.ruleId },
          details: { alertId: alert.id, group: alert.groupKey },
        });
      }
      return toAlertResponse({
        ...alert,
        ruleName: alert.rule.name,
        severity: alert.rule.severity,
      });
    });
  }
}
