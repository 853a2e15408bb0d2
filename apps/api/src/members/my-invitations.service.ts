import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MyInvitationList, Workspace } from '@bearing/contracts';
import { DataSource } from 'typeorm';
import type { CallerUser } from '../access/caller.js';
import { InvitationsService } from './invitations.service.js';

/** The signed-in user's side of invitations, each answer in its own transaction. */
@Injectable()
export class MyInvitationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly invitations: InvitationsService,
  ) {}

  list(user: CallerUser): Promise<MyInvitationList> {
    return this.invitations.listMine(this.dataSource.manager, user);
  }

  accept(id: string, user: CallerUser, requestId: string | null): Promise<Workspace> {
    return this.dataSource.transaction((manager) =>
      this.invitations.acceptAsMember(manager, id, user, requestId),
    );
  }

  decline(id: string, user: CallerUser, requestId: string | null): Promise<void> {
    return this.dataSource.transaction((manager) =>
      this.invitations.decline(manager, id, user, requestId),
    );
  }
}
