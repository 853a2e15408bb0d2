import { z } from 'zod';
import { pageQuerySchema, pageSchema } from './pagination.js';
import { dependencyPartyRefSchema, programDependencyStatusSchema } from './program-dependencies.js';
import {
  personSchema,
  programDay,
  programInstant,
  programText,
  versionField,
} from './program-fields.js';
import { healthReasonField, programHealthSchema } from './program-health.js';
import { raidKindSchema, raidStatusSchema } from './raid.js';
import { text } from './text.js';

/**
 * Weekly status reports (`/api/workspaces/:workspace/programs/:program/reports`). `POST {week}`
 * generates a draft from the data: a frozen snapshot of the numbers, the suggested health with
 * the reasons that drove it, and draft words. The TPM edits the words (a health other than the
 * suggestion needs a reason), then publishes; a published report never changes again (409).
 */

export const statusReportStateSchema = z.enum(['draft', 'published']);

/** Who a rendering is for: executive (short), stakeholder (everything), team (delivery). */
export const reportAudienceSchema = z.enum(['executive', 'stakeholder', 'team']);

/** The sections a snapshot is made of; each comes from one collector. */
export const reportSectionKeySchema = z.enum([
  'keyResults',
  'guardrails',
  'milestones',
  'raid',
  'dependencies',
  'checkIns',
  'sayDo',
]);

// ---------------------------------------------------------------------------------------------
// Health rules

/** Whether a reason raises the suggested health (`at-risk`) or is listed to watch only. */
export const healthReasonSeveritySchema = z.enum(['at-risk', 'watch']);

export const healthReasonCodeSchema = z.enum([
  'guardrail-breached',
  'guardrail-warning',
  'key-result-off-track',
  'key-result-at-risk',
  'milestone-slipped-past-threshold',
  'milestone-slipped',
  'dependency-overdue',
  'risk-high-score-open',
  'check-in-overdue',
]);

/**
 * An open milestone more than this many days late against its baseline is an at-risk reason
 * (`milestone-slipped-past-threshold`); a smaller slip is watched (`milestone-slipped`).
 */
export const MILESTONE_SLIP_AT_RISK_AFTER_DAYS = 14;

/**
 * What each reason does to the suggested health — a mirror, for clients, of
 * `HEALTH_SIGNAL_SEVERITY` of `@bearing/metrics`, whose `suggestedHealth` computes it.
 */
export const HEALTH_REASON_SEVERITY = {
  'guardrail-breached': 'at-risk',
  'guardrail-warning': 'watch',
  'key-result-off-track': 'at-risk',
  'key-result-at-risk': 'watch',
  'milestone-slipped-past-threshold': 'at-risk',
  'milestone-slipped': 'watch',
  'dependency-overdue': 'at-risk',
  'risk-high-score-open': 'watch',
  'check-in-overdue': 'watch',
} as const satisfies Record<HealthReasonCode, HealthReasonSeverity>;

/**
 * The suggested health: `on-track` without at-risk reasons, `at-risk` with one or two,
 * `off-track` with this many or more ("several of these"). Watch reasons are listed but never
 * raise the health: a breached guardrail, an off-track key result, a milestone more than two
 * weeks late against its baseline and an overdue dependency are facts; a warning, a high-score
 * risk or a late check-in are signals to watch.
 */
export const OFF_TRACK_AT_RISK_REASONS = 3;

export const healthReasonSchema = z.object({
  code: healthReasonCodeSchema,
  severity: healthReasonSeveritySchema,
  section: reportSectionKeySchema,
  message: z.string(),
  /** The record the reason is about, e.g. `{ type: 'milestone', id }`. */
  ref: z.object({ type: z.string(), id: z.uuid() }).nullable(),
});

// ---------------------------------------------------------------------------------------------
// Snapshot sections. Each is either `available` with its data, or `unavailable` with why — a
// section whose source is not wired (yet) says so and is never filled with made-up numbers.

export const unavailableSectionSchema = z.object({
  status: z.literal('unavailable'),
  reason: z.string(),
});

const available = <Shape extends z.ZodRawShape>(shape: Shape) =>
  z.discriminatedUnion('status', [
    z.object({ status: z.literal('available'), ...shape }),
    unavailableSectionSchema,
  ]);

const paceOrConfidence = z.enum(['on-track', 'at-risk', 'off-track']);

/** A key result of a linked objective, with its pace and the change since the compared report. */
export const keyResultSnapshotSchema = z.object({
  keyResultId: z.uuid(),
  objectiveId: z.uuid(),
  objectiveTitle: z.string(),
  title: z.string(),
  unit: z.string(),
  current: z.number().nullable(),
  target: z.number(),
  /** `keyResultProgress` (1 = 100 %, not clamped). */
  progress: z.number().nullable(),
  /** `expectedProgress` of the period as of the snapshot day, or its end once it is over. */
  expectedProgress: z.number().nullable(),
  pace: paceOrConfidence.nullable(),
  /** `progress` minus its value in the compared report; `null` when either is missing. */
  progressChange: z.number().nullable(),
});

/** A linked guardrail, its status now and at the compared report, and this week's changes. */
export const guardrailSnapshotSchema = z.object({
  guardrailId: z.uuid(),
  metricKey: z.string(),
  metricName: z.string(),
  status: z.enum(['ok', 'warning', 'breached']).nullable(),
  previousStatus: z.enum(['ok', 'warning', 'breached']).nullable(),
  changesThisWeek: z.array(
    z.object({
      from: z.enum(['ok', 'warning', 'breached']).nullable(),
      to: z.enum(['ok', 'warning', 'breached']),
      changedAt: programInstant,
    }),
  ),
});

export const milestoneSnapshotSchema = z.object({
  milestoneId: z.uuid(),
  name: z.string(),
  baselineDate: z.iso.date(),
  currentDate: z.iso.date(),
  completedAt: z.iso.date().nullable(),
  /**
   * Days late against the baseline as of the snapshot's `asOf` (`milestoneSlipDays`; see
   * `milestoneSchema.slipDays`). Snapshots taken before this rule measured an open milestone to
   * its current date even once that date had passed.
   */
  slipDays: z.number().int(),
  /**
   * Days the current date moved during the report's week, later positive: `milestoneMovedDays`
   * of the week's moves in the date-change history (0 when it did not move). Snapshots taken
   * before this rule hold the change of `slipDays` since the compared report, `null` when the
   * milestone was not in it.
   */
  slipDaysChange: z.number().int().nullable(),
});

/** A milestone whose current date moved during the week: from where, to where, and why. */
export const milestoneMoveSchema = milestoneSnapshotSchema.extend({
  /** The current date before the week's first move. */
  dateBeforeWeek: z.iso.date(),
  moves: z.array(
    z.object({
      fromDate: z.iso.date(),
      toDate: z.iso.date(),
      reason: z.string(),
      authorName: z.string(),
      changedAt: programInstant,
    }),
  ),
});

export const raidSnapshotItemSchema = z.object({
  raidItemId: z.uuid(),
  kind: raidKindSchema,
  title: z.string(),
  probability: z.number().int(),
  impact: z.number().int(),
  score: z.number().int(),
  status: raidStatusSchema,
  ownerName: z.string().nullable(),
  mitigation: z.string(),
  dueDate: z.iso.date().nullable(),
});

/** An item whose score rose during the week, or that was re-opened. */
export const raidEscalationSchema = raidSnapshotItemSchema.extend({
  scoreBeforeWeek: z.number().int(),
  reopened: z.boolean(),
});

export const raidCountsSchema = z.object({
  open: z.number().int(),
  openRisks: z.number().int(),
  highScoreOpenRisks: z.number().int(),
});

export const dependencySnapshotSchema = z.object({
  dependencyId: z.uuid(),
  from: dependencyPartyRefSchema,
  to: dependencyPartyRefSchema,
  description: z.string(),
  needBy: z.iso.date(),
  status: programDependencyStatusSchema,
  overdue: z.boolean(),
  /** Days past `needBy` (0 when not overdue). */
  daysOverdue: z.number().int(),
});

export const overdueCheckInSchema = z.object({
  keyResultId: z.uuid(),
  title: z.string(),
  ownerName: z.string().nullable(),
  lastCheckInDate: z.iso.date().nullable(),
  dueSince: z.iso.date(),
});

/** A team's last closed sprint: what it committed and delivered of that commitment. */
export const teamSayDoSchema = z.object({
  teamId: z.uuid(),
  teamName: z.string(),
  sprintId: z.uuid(),
  sprintName: z.string(),
  sprintEnd: z.iso.date(),
  /** Story points (latest estimates at the sprint start) the team committed to. */
  committed: z.number(),
  /** Points completed by the close, work added mid-sprint included (Jira's "Completed"). */
  completed: z.number(),
  /** Points of the commitment completed, at their estimate at the start. */
  completedFromCommitment: z.number(),
  /** `sprintSummary(…).sayDoRatio` of `@bearing/metrics`; `null` when nothing was committed. */
  sayDoRatio: z.number().nullable(),
});

/** A team of the program with no closed, dated sprint ending by the report's week. */
export const teamWithoutClosedSprintSchema = z.object({
  teamId: z.uuid(),
  teamName: z.string(),
});

export const reportSectionsSchema = z.object({
  keyResults: available({ items: z.array(keyResultSnapshotSchema) }),
  guardrails: available({ items: z.array(guardrailSnapshotSchema) }),
  milestones: available({
    /** Every milestone of the program, by baseline date. */
    items: z.array(milestoneSnapshotSchema),
    movedThisWeek: z.array(milestoneMoveSchema),
    completedThisWeek: z.array(milestoneSnapshotSchema),
  }),
  raid: available({
    newThisWeek: z.array(raidSnapshotItemSchema),
    escalatedThisWeek: z.array(raidEscalationSchema),
    /** Open risks with a score of `RAID_HIGH_SCORE` or more, highest first. */
    highScoreOpenRisks: z.array(raidSnapshotItemSchema),
    counts: raidCountsSchema,
    /** `counts` minus the compared report's; `null` without one. */
    countsChange: raidCountsSchema.nullable(),
  }),
  dependencies: available({
    /** Neither delivered nor cancelled, by need-by date. */
    open: z.array(dependencySnapshotSchema),
    overdueCount: z.number().int(),
    overdueCountChange: z.number().int().nullable(),
  }),
  checkIns: available({ overdue: z.array(overdueCheckInSchema) }),
  /**
   * Each of the program's teams (by name): its last closed sprint that ended by the end of the
   * report's week — never a later one — or, in `teamsWithoutClosedSprint`, that it has none.
   */
  sayDo: available({
    teams: z.array(teamSayDoSchema),
    teamsWithoutClosedSprint: z.array(teamWithoutClosedSprintSchema),
  }),
});

/** The report this one's changes are measured against: the program's last published one. */
export const comparedReportSchema = z.object({
  reportId: z.uuid(),
  week: z.iso.date(),
  health: programHealthSchema,
});

/**
 * The numbers a report was made from, frozen with it. States are as of `asOf` (the day it was
 * generated); "this week" lists what happened between the week's Monday and Sunday (UTC).
 */
export const reportSnapshotSchema = z.object({
  schemaVersion: z.literal(1),
  generatedAt: programInstant,
  asOf: z.iso.date(),
  week: z.object({ start: z.iso.date(), end: z.iso.date() }),
  program: z.object({
    id: z.uuid(),
    name: z.string(),
    start: z.iso.date(),
    end: z.iso.date().nullable(),
  }),
  comparedTo: comparedReportSchema.nullable(),
  suggestedHealth: programHealthSchema,
  healthReasons: z.array(healthReasonSchema),
  sections: reportSectionsSchema,
});

// ---------------------------------------------------------------------------------------------
// Requests and responses

const isMonday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay() === 1;

/** A week, named by its Monday. */
export const reportWeekSchema = programDay.refine(isMonday, {
  error: 'must be a Monday: a week is named by its Monday',
});

/**
 * `POST …/reports` (editor) → `statusReportSchema`, 201: a draft generated from the data. One
 * report per program and week (409 when it exists); not for a week that ends before the program
 * starts, nor one that has not begun (400 naming `week`).
 */
export const createStatusReportRequestSchema = z.strictObject({ week: reportWeekSchema });

const reportItems = z
  .array(text().min(1, { error: 'must not be empty' }).max(1000))
  .max(30, { error: 'must list at most 30 items' });

/**
 * `PATCH …/reports/:id` (editor, drafts only: 409 once published) → `statusReportSchema`. A
 * `health` other than the suggested one needs a `healthReason` (400 naming it).
 */
export const updateStatusReportRequestSchema = z.strictObject({
  health: programHealthSchema.optional(),
  healthReason: healthReasonField.nullable().optional(),
  summary: programText(10_000).optional(),
  highlights: reportItems.optional(),
  lowlights: reportItems.optional(),
  asks: reportItems.optional(),
  version: versionField,
});

/**
 * `POST …/reports/:id/publish` (editor) → `statusReportSchema`. Optional `version` guards against
 * publishing a draft someone changed meanwhile. Publishing again → 409.
 */
export const publishStatusReportRequestSchema = z.strictObject({
  version: versionField.optional(),
});

/** `POST …/reports/:id/regenerate` (editor, drafts only) — fresh numbers, the words kept. */
export const regenerateStatusReportRequestSchema = publishStatusReportRequestSchema;

/** `GET …/reports?state=` — newest week first. */
export const statusReportListQuerySchema = pageQuerySchema.extend({
  state: statusReportStateSchema.optional(),
});

/** `GET …/reports/:id.md?audience=` — `text/markdown`; stakeholder unless said otherwise. */
export const reportMarkdownQuerySchema = z.strictObject({
  audience: reportAudienceSchema.default('stakeholder'),
});

export const statusReportListItemSchema = z.object({
  id: z.uuid(),
  programId: z.uuid(),
  week: z.iso.date(),
  weekEnd: z.iso.date(),
  state: statusReportStateSchema,
  health: programHealthSchema,
  healthReason: z.string().nullable(),
  suggestedHealth: programHealthSchema,
  /** `health` differs from `suggestedHealth`. */
  healthOverridden: z.boolean(),
  /**
   * Green outside, red inside: the report says on-track while its snapshot holds an off-track
   * key result or a breached guardrail.
   */
  watermelon: z.boolean(),
  generatedAt: programInstant,
  publishedAt: programInstant.nullable(),
  publishedBy: personSchema.nullable(),
  createdAt: programInstant,
  updatedAt: programInstant,
  version: z.number().int(),
});

export const statusReportSchema = statusReportListItemSchema.extend({
  summary: z.string(),
  highlights: z.array(z.string()),
  lowlights: z.array(z.string()),
  asks: z.array(z.string()),
  snapshot: reportSnapshotSchema,
});

export const statusReportPageSchema = pageSchema(statusReportListItemSchema);

/** How many published reports the health timeline gives unless asked: what the header shows. */
export const HEALTH_TIMELINE_LIMIT_DEFAULT = 12;
/** The most one answer gives: five years of weekly reports. */
export const HEALTH_TIMELINE_LIMIT_MAX = 260;

/** `GET …/programs/:program/health-timeline?limit=` — the last `limit` published reports. */
export const healthTimelineQuerySchema = z.strictObject({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(HEALTH_TIMELINE_LIMIT_MAX)
    .default(HEALTH_TIMELINE_LIMIT_DEFAULT),
});

/**
 * `GET …/programs/:program/health-timeline` — the health of the program's last `limit` (default
 * 12) published reports, oldest week first.
 */
export const healthTimelineSchema = z.object({
  programId: z.uuid(),
  points: z.array(
    z.object({
      reportId: z.uuid(),
      week: z.iso.date(),
      health: programHealthSchema,
      healthReason: z.string().nullable(),
      suggestedHealth: programHealthSchema,
      watermelon: z.boolean(),
      publishedAt: programInstant,
    }),
  ),
});

export type StatusReportState = z.infer<typeof statusReportStateSchema>;
export type ReportAudience = z.infer<typeof reportAudienceSchema>;
export type ReportSectionKey = z.infer<typeof reportSectionKeySchema>;
export type HealthReasonSeverity = z.infer<typeof healthReasonSeveritySchema>;
export type HealthReasonCode = z.infer<typeof healthReasonCodeSchema>;
export type HealthReason = z.infer<typeof healthReasonSchema>;
export type UnavailableSection = z.infer<typeof unavailableSectionSchema>;
export type KeyResultSnapshot = z.infer<typeof keyResultSnapshotSchema>;
export type GuardrailSnapshot = z.infer<typeof guardrailSnapshotSchema>;
export type MilestoneSnapshot = z.infer<typeof milestoneSnapshotSchema>;
export type MilestoneMove = z.infer<typeof milestoneMoveSchema>;
export type RaidSnapshotItem = z.infer<typeof raidSnapshotItemSchema>;
export type RaidEscalation = z.infer<typeof raidEscalationSchema>;
export type RaidCounts = z.infer<typeof raidCountsSchema>;
export type DependencySnapshot = z.infer<typeof dependencySnapshotSchema>;
export type OverdueCheckIn = z.infer<typeof overdueCheckInSchema>;
export type TeamSayDo = z.infer<typeof teamSayDoSchema>;
export type TeamWithoutClosedSprint = z.infer<typeof teamWithoutClosedSprintSchema>;
export type ReportSections = z.infer<typeof reportSectionsSchema>;
export type ComparedReport = z.infer<typeof comparedReportSchema>;
export type ReportSnapshot = z.infer<typeof reportSnapshotSchema>;
export type CreateStatusReportRequest = z.output<typeof createStatusReportRequestSchema>;
export type UpdateStatusReportRequest = z.output<typeof updateStatusReportRequestSchema>;
export type PublishStatusReportRequest = z.output<typeof publishStatusReportRequestSchema>;
export type StatusReportListQuery = z.output<typeof statusReportListQuerySchema>;
export type ReportMarkdownQuery = z.output<typeof reportMarkdownQuerySchema>;
export type StatusReportListItem = z.infer<typeof statusReportListItemSchema>;
export type StatusReport = z.infer<typeof statusReportSchema>;
export type StatusReportPage = z.infer<typeof statusReportPageSchema>;
export type HealthTimelineQuery = z.output<typeof healthTimelineQuerySchema>;
export type HealthTimeline = z.infer<typeof healthTimelineSchema>;
