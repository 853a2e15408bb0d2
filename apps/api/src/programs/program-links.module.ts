import { Global, Module } from '@nestjs/common';
import {
  GUARDRAIL_PROGRAMS,
  type GuardrailPrograms,
} from '../guardrails/guardrail-programs.types.js';
import {
  OBJECTIVE_PROGRAMS,
  type ObjectivePrograms,
} from '../okrs/objectives/objective-programs.types.js';
import { linkedToProgramCondition, programIdsOfRecords } from './program-links.repository.js';

const guardrailPrograms: GuardrailPrograms = {
  linkedToProgramCondition: (alias) => linkedToProgramCondition('guardrail', alias),
  programIdsOf: (manager, guardrails) => programIdsOfRecords(manager, 'guardrail', guardrails),
};

const objectivePrograms: ObjectivePrograms = {
  linkedToProgramCondition: (alias) => linkedToProgramCondition('objective', alias),
  programIdsOf: (manager, objectives) => programIdsOfRecords(manager, 'objective', objectives),
};

/**
 * Programs own their links to objectives and guardrails; those features show the programs that
 * link a record and filter by program through the ports they declare, provided here. Global, so
 * that they need not import programs, which are built on them.
 */
@Global()
@Module({
  providers: [
    { provide: GUARDRAIL_PROGRAMS, useValue: guardrailPrograms },
    { provide: OBJECTIVE_PROGRAMS, useValue: objectivePrograms },
  ],
  exports: [GUARDRAIL_PROGRAMS, OBJECTIVE_PROGRAMS],
})
export class ProgramLinksModule {}
