import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Guardrail as GuardrailResponse, Portfolio } from '@bearing/contracts';
import { DataSource } from 'typeorm';
import { ClockService } from '../common/clock/clock.service.js';
import { GuardrailsService } from '../guardrails/guardrails.service.js';
import { OkrReadModel } from '../okrs/okr-read-model.js';
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
    private readonly guardrails: GuardrailsService,
    private readonly clock: ClockService,
  ) {}

  async portfolio(workspaceId: string): Promise<Portfolio> {
    const manager = this.dataSource.manager;
    const today = this.clock.today();
    const { programs, topRisks } = await loadProgramSummaries(
      manager,
      this.okrReadModel,
      workspaceId,
      today,
    );
    return {
      asOf: today,
      programs,
      topRisks,
      guardrails: [
        ...(await this.guardrailsWith(workspaceId, 'breached')),
        ...(await this.guardrailsWith(workspaceId, 'warning')),
      ],
      kpis: await loadKpiTiles(manager, workspaceId),
    };
  }

  private async guardrailsWith(
    workspaceId: string,
    status: 'breached' | 'warning',
  ): Promise<GuardrailResponse[]> {
    const page = await this.guardrails.list(workspaceId, { limit: GUARDRAILS_SHOWN, status });
    return page.items;
  }
}
