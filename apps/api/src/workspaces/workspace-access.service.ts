import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { WorkspaceRole } from '@bearing/contracts';
import { DataSource } from 'typeorm';
import { membershipBySlug } from './workspace.repository.js';

export type WorkspaceMembership = { id: string; slug: string; name: string; role: WorkspaceRole };

/** What the access guard asks on every workspace route: is this user a member, and as what? */
@Injectable()
export class WorkspaceAccessService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** `undefined` both for an unknown slug and for a non-member: callers must not tell apart. */
  async membershipOf(slug: string, userId: string): Promise<WorkspaceMembership | undefined> {
    const membership = await membershipBySlug(this.dataSource.manager, slug, userId);
    if (!membership?.workspace) return undefined;
    const { id, name } = membership.workspace;
    return { id, slug: membership.workspace.slug, name, role: membership.role };
  }
}
