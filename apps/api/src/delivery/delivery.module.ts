import { Module } from '@nestjs/common';
import { FlowSpanController } from './flow-span.controller.js';
import { FlowSpanService } from './flow-span.service.js';
import { FlowController } from './flow.controller.js';
import { FlowService } from './flow.service.js';
import { FlowReadModel } from './flow-read-model/flow-read-model.service.js';
import { PlanningController } from './planning.controller.js';
import { PlanningService } from './planning.service.js';
import { SprintReportsController } from './sprint-reports.controller.js';
import { SprintReportsService } from './sprint-reports.service.js';

/** Read models of a team's delivery: sprint reports, flow metrics, capacity and forecasts. */
@Module({
  controllers: [SprintReportsController, FlowController, FlowSpanController, PlanningController],
  providers: [SprintReportsService, FlowService, FlowSpanService, PlanningService, FlowReadModel],
  // The weekly digests word the same sprint and flow figures the team dashboard shows; the query
  // language brings the flow read model up to date before it reads it.
  exports: [SprintReportsService, FlowService, FlowReadModel],
})
export class DeliveryModule {}
