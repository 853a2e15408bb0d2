import { Global, Module } from '@nestjs/common';
import { OkrsModule } from '../okrs/okrs.module.js';
import { LinkedRecordsModule } from '../programs/linked-records.module.js';
import { PROGRAM_HEALTH } from '../programs/program-health.types.js';
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
import { ProgramHealthReadModel } from './program-health-read-model.service.js';
import { ReportGenerator } from './report-generator.js';

/**
 * What a status report's snapshot is made of: one collector provider per section (exactly one
 * each), the generator putting them together, and the program health read model built on it.
 * Apart from the reports module, so that the portfolio and reviews can suggest a health the way
 * a draft does without a cycle between modules. Global, for the read model reaches programs as
 * their `PROGRAM_HEALTH` without the programs feature importing status reports (built on it).
 */
@Global()
@Module({
  imports: [OkrsModule, LinkedRecordsModule],
  providers: [
    ReportGenerator,
    ProgramHealthReadModel,
    { provide: PROGRAM_HEALTH, useExisting: ProgramHealthReadModel },
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
  exports: [ReportGenerator, ProgramHealthReadModel, PROGRAM_HEALTH],
})
export class ReportGenerationModule {}
