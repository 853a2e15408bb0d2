import { Module } from '@nestjs/common';
import { OkrsModule } from '../okrs/okrs.module.js';
import { LinkedRecordsModule } from '../programs/linked-records.module.js';
import { CheckInsCollector } from './collectors/check-ins.collector.js';
import { DependenciesCollector } from './collectors/dependencies.collector.js';
import { GuardrailsCollector } from './collectors/guardrails.collector.js';
import { KeyResultsCollector } from './collectors/key-results.collector.js';
import { MilestonesCollector } from './collectors/milestones.collector.js';
import { RaidCollector } from './collectors/raid.collector.js';
import {
  type AnySectionCollector,
  REPORT_SECTION_COLLECTORS,
} from './collectors/report-section-collector.js';
import { SayDoCollector } from './collectors/say-do.collector.js';
import { ProgramHealthReadModel } from './program-health-read-model.js';
import { ReportGenerator } from './report-generator.js';

/**
 * What a status report's snapshot is made of: one collector provider per section (exactly one
 * each), the generator putting them together, and the program health read model built on it.
 * Apart from the reports module, so that programs and the portfolio can suggest a health the way
 * a draft does without a cycle between modules.
 */
@Module({
  imports: [OkrsModule, LinkedRecordsModule],
  providers: [
    ReportGenerator,
    ProgramHealthReadModel,
    MilestonesCollector,
    RaidCollector,
    DependenciesCollector,
    KeyResultsCollector,
    GuardrailsCollector,
    CheckInsCollector,
    SayDoCollector,
    {
      provide: REPORT_SECTION_COLLECTORS,
      useFactory: (...collectors: AnySectionCollector[]): AnySectionCollector[] => collectors,
      inject: [
        KeyResultsCollector,
        GuardrailsCollector,
        MilestonesCollector,
        RaidCollector,
        DependenciesCollector,
        CheckInsCollector,
        SayDoCollector,
      ],
    },
  ],
  exports: [ReportGenerator, ProgramHealthReadModel],
})
export class ReportGenerationModule {}
