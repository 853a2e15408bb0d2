import { Module } from '@nestjs/common';
import { QueriesModule } from '../queries/queries.module.js';
import { AlertEvaluation } from './alert-evaluation.service.js';
import { AlertRulesController } from './alert-rules.controller.js';
import { AlertRulesService } from './alert-rules.service.js';
import { AlertsController } from './alerts.controller.js';
import { AlertsService } from './alerts.service.js';
import { SavedQueriesController } from './saved-queries.controller.js';
import { SavedQueriesService } from './saved-queries.service.js';
import { AlertRuleTemplatesController } from './templates/alert-rule-templates.controller.js';

/** Saved queries, alert rules on the minute scheduler, and their alerts. */
@Module({
  // Notifications and the job queue are global modules.
  imports: [QueriesModule],
  // Templates before rules: `alert-rules/templates` is not the rule with id `templates`.
  controllers: [
    SavedQueriesController,
    AlertRuleTemplatesController,
    AlertRulesController,
    AlertsController,
  ],
  providers: [SavedQueriesService, AlertRulesService, AlertsService, AlertEvaluation],
  exports: [AlertEvaluation],
})
export class AlertsModule {}
