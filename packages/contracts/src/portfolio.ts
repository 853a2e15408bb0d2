import { z } from 'zod';
import { guardrailSchema } from './guardrails.js';
import { metricDirectionSchema, metricKeySchema } from './kpis.js';
import { metricTrendSchema } from './metric-xmr.js';
import { objectiveStatusSchema, paceSchema } from './okrs.js';
import { healthSuggestionSchema, programHealthSchema } from './programs.js';
import { raidKindSchema, raidStatusSchema } from './raid.js';

/** How many weeks of published health a program card shows as its trend. */
export const PORTFOLIO_TREND_WEEKS = 8;
/** How many open risks the portfolio lists, highest score first. */
export const PORTFOLIO_TOP_RISKS = 5;

const day = z.iso.date();

export const portfolioProgramSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  /** As the program's: see `programSchema` for `health`, `watermelon` and `healthSuggestion`. */
  health: programHealthSchema,
  healthReason: z.string().nullable(),
  watermelon: z.boolean().default(false),
  healthSuggestion: healthSuggestionSchema.nullable().default(null),
  /** Published reports of the last `PORTFOLIO_TREND_WEEKS` weeks, oldest first. */
  trend: z.array(
    z.object({
      reportId: z.uuid(),
      week: day,
      health: programHealthSchema,
      /** Said on-track while its own snapshot held an off-track key result or breached guardrail. */
      watermelon: z.boolean(),
    }),
  ),
  /** The program's linked objectives, with `okrScore` and pace from `@bearing/metrics`. */
  objectives: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      status: objectiveStatusSchema,
      progress: z.number().nullable(),
      score: z.number().nullable(),
      pace: paceSchema.nullable(),
    }),
  ),
  /** Open milestones whose current date is later than their baseline, worst slip first. */
  slippingMilestones: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      baselineDate: day,
      currentDate: day,
      slipDays: z.number().int(),
    }),
  ),
  openRiskCount: z.number().int(),
  /** Need-by date passed while neither delivered nor cancelled. */
  overdueDependencyCount: z.number().int(),
});

export const portfolioRiskSchema = z.object({
  id: z.uuid(),
  programId: z.uuid(),
  programName: z.string(),
  kind: raidKindSchema,
  title: z.string(),
  probability: z.number().int(),
  impact: z.number().int(),
  /** `riskScore` of `@bearing/metrics`: probability × impact, 1–25. */
  score: z.number().int(),
  status: raidStatusSchema,
  dueDate: day.nullable(),
});

export const kpiTileSchema = z.object({
  key: metricKeySchema,
  name: z.string(),
  unit: z.string(),
  direction: metricDirectionSchema,
  /** The newest point, or `null` for a metric without points. */
  latest: z.object({ timestamp: z.iso.datetime(), value: z.number() }).nullable(),
  /** Its sparkline and XmR status: the same as its row in the metrics list and its page. */
  trend: metricTrendSchema,
});

/** `GET /api/workspaces/:workspace/portfolio` — the executive view in one request. */
export const portfolioSchema = z.object({
  asOf: day,
  programs: z.array(portfolioProgramSchema),
  topRisks: z.array(portfolioRiskSchema),
  /** Breached first, then in warning. */
  guardrails: z.array(guardrailSchema),
  kpis: z.array(kpiTileSchema),
});

export type PortfolioProgram = z.infer<typeof portfolioProgramSchema>;
export type PortfolioRisk = z.infer<typeof portfolioRiskSchema>;
export type KpiTile = z.infer<typeof kpiTileSchema>;
export type Portfolio = z.infer<typeof portfolioSchema>;
