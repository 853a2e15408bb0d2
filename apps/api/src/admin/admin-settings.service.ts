import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { InstanceSettings, UpdateInstanceSettingsRequest } from '@bearing/contracts';
import { DataSource } from 'typeorm';
import type { Actor } from '../access/caller.js';
import { recordAuditEvent } from '../audit/audit.repository.js';
import {
  lockInstanceSettings,
  readInstanceSettings,
  writeInstanceSettings,
} from '../instance-settings/instance-settings.repository.js';

/** Reads and changes the instance's settings; each change is in the instance audit log. */
@Injectable()
export class AdminSettingsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get(): Promise<InstanceSettings> {
    return readInstanceSettings(this.dataSource.manager);
  }

  update(actor: Actor, request: UpdateInstanceSettingsRequest): Promise<InstanceSettings> {
    return this.dataSource.transaction(async (manager) => {
      const before = await lockInstanceSettings(manager);
      const after: InstanceSettings = { ...before, ...request };
      if (after.workspaceCreation === before.workspaceCreation) return before;
      await writeInstanceSettings(manager, after);
      await recordAuditEvent(manager, {
        workspaceId: null,
        actor,
        action: 'instance-settings.updated',
        target: { type: 'instance', id: null },
        details: {
          setting: 'workspaceCreation',
          from: before.workspaceCreation,
          to: after.workspaceCreation,
        },
      });
      return after;
    });
  }
}
