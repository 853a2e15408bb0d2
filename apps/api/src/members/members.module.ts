import { Module } from '@nestjs/common';
import { InvitationsController } from './invitations.controller.js';
import { InvitationsService } from './invitations.service.js';
import { MembersController } from './members.controller.js';
import { MembersService } from './members.service.js';
import { MyInvitationsController } from './my-invitations.controller.js';
import { MyInvitationsService } from './my-invitations.service.js';

@Module({
  controllers: [MembersController, InvitationsController, MyInvitationsController],
  providers: [MembersService, InvitationsService, MyInvitationsService],
  exports: [InvitationsService],
})
export class MembersModule {}
