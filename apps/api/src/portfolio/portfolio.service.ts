import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Guardrail as GuardrailResponse, Portfolio } from '@bearing/contracts';
import { DataSource } from 'typeorm';
import { ClockService } from '../common/clock/clock.service.js';
import { guardrailsWithStatus } from '../guardrails/guardrail.repository.js';
import { GuardrailsService } from '../guardrails/guardrails.service.js';
import { OkrReadModel } from '../okrs/okr-read-model.service.js';
import { ProgramHealthReadModel } from '../status-reports/program-health-read-model.service.js';
import { loadKpiTiles } from './kpi-tiles.js';
import { loadProgramSummaries } from './program-summaries.js';

/** More guardrails than any workspace keeps out of bounds at once; the page shows them all. */
const GUARDRAILS_SHOWN = 100;

/** The executive view: programs × health × trend, top risks, guardrails out of bounds, KPIs. */
@Injectable()
export class PortfolioService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly okrReadModel: OkrReadModel,
    private readonly programHealth: ProgramHealthReadModel,
    private readonly guardrails: GuardrailsService,
    private readonly clock: ClockService,
  ) {}

  async portfolio(workspaceId: string): Promise<Portfolio> {
    const manager = this.dataSource.manager;
    const today = this.clock.today();
    // Independent reads, each on its own pooled connection, so their round trips overlap.
    const [{ programs, topRisks }, guardrails, kpis] = await Promise.all([
      loadProgramSummaries(
        manager,
        { okrs: this.okrReadModel, health: this.programHealth },
        workspaceId,
        today,
      ),
      this.guardrailsOutOfBounds(workspaceId),
      loadKpiTiles(manager, workspaceId),
    ]);
    return { asOf: today, programs, topRisks, guardrails, kpis };
  }

  /**
   * Breached guardrails, then those in warning, each oldest first (as the guardrail list orders
   * them) and at most `GUARDRAILS_SHOWN` of each: both statuses in one read, and their responses
   * in one set of reads.
   */
  private async guardrailsOutOfBounds(workspaceId: string): Promise<GuardrailResponse[]> {
    const found = await guardrailsWithStatus(this.dataSource.manager, workspaceId, [
      'breached',
      'warning',
    ]);
    const shown = (['breached', 'warning'] as const).flatMap((status) =>
      found.filter((guardrail) => guardrail.status === status).slice(0, GUARDRAILS_SHOWN),
    );
    const responses = await this.guardrails.responsesFor(this.dataSource.manager, shown);
    return shown.map((guardrail) => responses.get(guardrail.id) as GuardrailResponse);
  }
}
