import { Module } from '@nestjs/common';
import { InvitationsService } from './invitations.service.js';
import { MembersController } from './members.controller.js';
import { MembersService } from './members.service.js';

@Module({
  controllers: [MembersController],
  providers: [MembersService, InvitationsService],
  exports: [InvitationsService],
})
export class MembersModule {}
