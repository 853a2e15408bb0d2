import { Controller, Delete, Get, HttpCode, HttpStatus, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type AlertRule,
  type AlertRuleInput,
  alertRuleInputSchema,
  alertRuleListSchema,
  type AlertRulePatch,
  alertRulePatchSchema,
  alertRuleSchema,
  type AlertRuleTestResult,
  alertRuleTestResultSchema,
  alertRuleTestSchema,
  unsavedAlertRuleTestSchema,
} from '@bearing/contracts';
import { z } from 'zod';
import { Access } from '../access/access.decorator.js';
import type { Actor, WorkspaceContext } from '../access/caller.js';
import { CurrentActor, CurrentWorkspace } from '../access/current.decorators.js';
import { Fails, Returns, ReturnsNothing } from '../common/openapi/openapi.decorators.js';
import { ZodBody, ZodParam } from '../common/validation/zod.pipe.js';
import { AlertRulesService } from './alert-rules.service.js';

/** Alert rules: members read them, editors write and test them. */
@ApiTags('alerts')
@Controller('workspaces/:workspace/alert-rules')
export class AlertRulesController {
  constructor(private readonly rules: AlertRulesService) {}

  @Get()
  @Access({ workspaceRole: 'viewer' })
  @Returns(alertRuleListSchema)
  async list(@CurrentWorkspace() workspace: WorkspaceContext): Promise<{ items: AlertRule[] }> {
    return { items: await this.rules.list(workspace.id) };
  }

  /** `alertRuleInputSchema` → 201 `alertRuleSchema`; the query and the trigger's columns are checked. */
  @Post()
  @Access({ workspaceRole: 'editor' })
  @Returns(alertRuleSchema)
  create(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @CurrentActor() actor: Actor,
    @ZodBody(alertRuleInputSchema) body: AlertRuleInput,
  ): Promise<AlertRule> {
    return this.rules.create(workspace.id, body, actor);
  }

  /** "Test rule" for a rule not saved yet: runs it once, now, over the last `days`; fires nothing. */
  @Post('test')
  @HttpCode(HttpStatus.OK)
  @Access({ workspaceRole: 'editor' })
  @Returns(alertRuleTestResultSchema)
  testUnsaved(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @ZodBody(unsavedAlertRuleTestSchema) body: z.infer<typeof unsavedAlertRuleTestSchema>,
  ): Promise<AlertRuleTestResult> {
    return this.rules.test(workspace.id, body.rule, body.days);
  }

  @Get(':id')
  @Access({ workspaceRole: 'viewer' })
  @Returns(alertRuleSchema)
  get(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @ZodParam('id', z.uuid()) id: string,
  ): Promise<AlertRule> {
    return this.rules.get(workspace.id, id);
  }

  /** Any of the fields with the `version` edited; a stale version is a 409. */
  @Patch(':id')
  @Access({ workspaceRole: 'editor' })
  @Returns(alertRuleSchema)
  @Fails(409, 'stale-version')
  update(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @CurrentActor() actor: Actor,
    @ZodParam('id', z.uuid()) id: string,
    @ZodBody(alertRulePatchSchema) body: AlertRulePatch,
  ): Promise<AlertRule> {
    return this.rules.update(workspace.id, id, body, actor);
  }

  /** → 204; its alerts go with it. */
  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Access({ workspaceRole: 'editor' })
  @ReturnsNothing()
  remove(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @CurrentActor() actor: Actor,
    @ZodParam('id', z.uuid()) id: string,
  ): Promise<void> {
    return this.rules.remove(workspace.id, id, actor);
  }

  @Post(':id/test')
  @HttpCode(HttpStatus.OK)
  @Access({ workspaceRole: 'editor' })
  @Returns(alertRuleTestResultSchema)
  test(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @ZodParam('id', z.uuid()) id: string,
    @ZodBody(alertRuleTestSchema) body: z.infer<typeof alertRuleTestSchema>,
  ): Promise<AlertRuleTestResult> {
    return this.rules.testSaved(workspace.id, id, body.days);
  }
}
