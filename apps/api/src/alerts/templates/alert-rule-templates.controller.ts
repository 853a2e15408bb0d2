import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type AlertRuleTemplate, alertRuleTemplateListSchema } from '@bearing/contracts';
import { Access } from '../../access/access.decorator.js';
import { Returns } from '../../common/openapi/openapi.decorators.js';
import { ALERT_RULE_TEMPLATES } from './alert-rule-templates.js';

/**
 * Ready-made alert rules the rule editor starts from. Any member may read them (they hold no
 * workspace data); saving one is creating a rule, for editors.
 */
@ApiTags('alerts')
@Controller('workspaces/:workspace/alert-rules/templates')
export class AlertRuleTemplatesController {
  /** → `alertRuleTemplateListSchema`. */
  @Get()
  @Access({ workspaceRole: 'viewer' })
  @Returns(alertRuleTemplateListSchema)
  list(): { items: AlertRuleTemplate[] } {
    return { items: [...ALERT_RULE_TEMPLATES] };
  }
}
