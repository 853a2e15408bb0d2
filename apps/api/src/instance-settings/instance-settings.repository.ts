import type { InstanceSettings } from '@bearing/contracts';
import type { EntityManager } from 'typeorm';
import { InstanceSetting } from './instance-setting.entity.js';

/** The settings of an instance nobody changed yet. */
export const DEFAULT_INSTANCE_SETTINGS: InstanceSettings = { workspaceCreation: 'instance-admins' };

/** The single settings row (id 1). */
const SETTINGS_ROW = 1;

/** The instance's settings: its one row, or the defaults while there is none. */
export async function readInstanceSettings(manager: EntityManager): Promise<InstanceSettings> {
  const row = await manager.getRepository(InstanceSetting).findOneBy({ id: SETTINGS_ROW });
  return row ? { workspaceCreation: row.workspaceCreation } : DEFAULT_INSTANCE_SETTINGS;
}

/**
 * The settings row locked for the rest of the transaction (made first if missing), so two
 * admins' changes are applied one after the other and each audit event names the true "from".
 */
export async function lockInstanceSettings(manager: EntityManager): Promise<InstanceSettings> {
  await manager
    .getRepository(InstanceSetting)
    .createQueryBuilder()
    .insert()
    .values({ id: SETTINGS_ROW, ...DEFAULT_INSTANCE_SETTINGS })
    .orIgnore()
    .execute();
  const row = await manager
    .getRepository(InstanceSetting)
    .createQueryBuilder('setting')
    .setLock('pessimistic_write')
    .where('setting.id = :id', { id: SETTINGS_ROW })
    .getOneOrFail();
  return { workspaceCreation: row.workspaceCreation };
}

export async function writeInstanceSettings(
  manager: EntityManager,
  settings: InstanceSettings,
): Promise<void> {
  await manager.getRepository(InstanceSetting).save({ id: SETTINGS_ROW, ...settings });
}
