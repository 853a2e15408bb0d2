import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  NotificationEvent,
  NotificationPreferences,
  UpdateNotificationPreferencesRequest,
} from '@bearing/contracts';
import type { DataSource } from 'typeorm';
import { findUserById } from '../accounts/user.repository.js';
import { eventPreference, preferencesResponse } from './event-preferences.js';
import { lockPreferences, preferencesOf, savePreferences } from './preference.repository.js';

/** A user's own choices: per event × channel on/off, and the weekly digest. */
@Injectable()
export class PreferencesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(userId: string): Promise<NotificationPreferences> {
    const stored = await preferencesOf(this.dataSource.manager, [userId]);
    return preferencesResponse(stored.get(userId));
  }

  async update(
    userId: string,
    request: UpdateNotificationPreferencesRequest,
  ): Promise<NotificationPreferences> {
    return this.dataSource.transaction(async (manager) => {
      const stored = await lockPreferences(manager, userId);
      const events = { ...stored.events, ...request.events };
      const digest = request.digest ?? stored.digest;
      await savePreferences(manager, { userId, events, digest });
      return preferencesResponse({ ...stored, events, digest });
    });
  }

  /** Turns email off for one event (the unsubscribe link); false when the user is gone. */
  async emailOff(userId: string, event: NotificationEvent): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await findUserById(manager, userId))) return false;
      const stored = await lockPreferences(manager, userId);
      const events = {
        ...stored.events,
        [event]: { ...eventPreference(stored, event), email: false },
      };
      await savePreferences(manager, { userId, events, digest: stored.digest });
      return true;
    });
  }
}
