import { z } from 'zod';
import { pageSchema } from './pagination.js';
import { stageNameSchema, statusNameSchema, timeZoneSchema } from './teams.js';
import { text, untrimmedText } from './text.js';

/**
 * `jira-json`: pages of Jira's issue search with `expand=changelog` — `/rest/api/3/search/jql`
 * or `/rest/api/2/search` responses; one page, a JSON array of pages, or pages one after the
 * other in one file. `jira-csv`: Jira's "Export → CSV (all fields)".
 */
export const importFormatSchema = z.enum(['jira-json', 'jira-csv']);

/** Largest upload `POST …/imports` accepts. */
export const IMPORT_MAX_FILE_BYTES = 60 * 1024 * 1024;

/** Most issues one import file may hold (413 beyond): a larger history is imported in parts. */
export const IMPORT_MAX_ISSUES = 100_000;

/** Jira's CSV default date format, in date-fns `parse` tokens (`21/Nov/15 7:03 AM`). */
export const JIRA_CSV_DEFAULT_DATE_FORMAT = 'dd/MMM/yy h:mm a';

/**
 * How to read the file (the wizard's mapping step). Every field is optional: without it the
 * importer looks for Jira's usual names and says in the result what it used.
 */
export const importMappingSchema = z.strictObject({
  /**
   * JSON: field id (`customfield_10016`) or name (`Story Points`); CSV: column header
   * (`Custom field (Story Points)`). Default: `Story Points`, then `Story point estimate`.
   */
  storyPointsField: text().min(1).max(200).optional(),
  /** JSON only: the sprint field's id, e.g. `customfield_10020`. Default: the field named Sprint. */
  sprintField: text().min(1).max(200).optional(),
  /** CSV only: date-fns `parse` pattern of the date columns. */
  dateFormat: untrimmedText().min(1).max(64).default(JIRA_CSV_DEFAULT_DATE_FORMAT),
  /** CSV only: zone the export's dates were written in; default the team's time zone. */
  timeZone: timeZoneSchema.optional(),
  /**
   * Tracker status → stage of the team's workflow. A real import adds these to the team's
   * workflow (a status moves out of any stage it was in); a dry run only previews them.
   */
  statuses: z.record(statusNameSchema, stageNameSchema).optional(),
});

/**
 * The non-file fields of the multipart `POST /api/workspaces/:workspace/teams/:team/imports`
 * (editor); the file itself is the `file` part (at most 60 MB).
 */
export const importUploadFieldsSchema = z.strictObject({
  format: importFormatSchema,
  /** `true`: parse, compare and report, writing nothing. */
  dryRun: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  /** `importMappingSchema` as JSON text. */
  mapping: z
    .string()
    .max(1024 * 1024)
    .default('{}')
    .transform((text, context): unknown => {
      try {
        return JSON.parse(text);
      } catch {
        context.addIssue({ code: 'custom', message: 'must be JSON' });
        return z.NEVER;
      }
    })
    .pipe(importMappingSchema),
});

/**
 * One thing the importer could not read or had to leave out, with the issue key (JSON and
 * CSV) and/or the line (CSV) where it was found.
 */
export const importProblemSchema = z.object({
  key: z.string().optional(),
  line: z.number().int().optional(),
  message: z.string(),
});

/** Read models an import can feed; a CSV export has no history, so it feeds fewer of them. */
export const deliveryMetricSchema = z.enum([
  'lead-time',
  'throughput',
  'forecast',
  'cycle-time',
  'cfd',
  'wip',
  'aging',
  'burndown',
  'velocity',
]);

const changeCountsSchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});

/**
 * What an import did — or, for a dry run, would do. Work items are compared by team + source
 * + issue key: importing the same file again gives `created: 0, updated: 0`.
 */
export const importResultSchema = z.object({
  /** Work items in the file. */
  items: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  sprints: changeCountsSchema,
  /** History entries read from the file. */
  history: z.object({
    statusChanges: z.number().int(),
    sprintChanges: z.number().int(),
    estimateChanges: z.number().int(),
  }),
  /** Every status in the file, with its stage after the mapping (null: unmapped) and the number of items now in it. */
  statuses: z.array(
    z.object({ status: z.string(), stage: z.string().nullable(), items: z.number().int() }),
  ),
  /** Statuses no stage maps: the flow metrics ignore time spent in them. */
  unknownStatuses: z.array(z.string()),
  /** The story-points field (JSON: id or name; CSV: column) used; null when none was found. */
  storyPointsField: z.string().nullable(),
  /** The sprint field used (JSON: id, CSV: `Sprint`); null when none was found. */
  sprintField: z.string().nullable(),
  problems: z.array(importProblemSchema),
  /** Which read models this file's data can feed, and why not the others. */
  metrics: z.object({
    available: z.array(deliveryMetricSchema),
    unavailable: z.array(z.object({ metric: deliveryMetricSchema, reason: z.string() })),
  }),
});

export const importJobStatusSchema = z.enum(['queued', 'running', 'completed', 'failed']);

/**
 * An import as a job. `progress` runs 0 → 1 while `running`; `result` is set once it ended —
 * for a failure, with zero counts and the `problems` that stopped it (nothing was stored).
 */
export const importJobSchema = z.object({
  id: z.uuid(),
  teamId: z.uuid(),
  dryRun: z.literal(false),
  format: importFormatSchema,
  fileName: z.string(),
  fileSize: z.number().int(),
  status: importJobStatusSchema,
  progress: z.number().min(0).max(1),
  result: importResultSchema.nullable(),
  createdBy: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
});

/** The answer to a dry run: nothing was written, nothing is kept. */
export const importPreviewSchema = z.object({
  dryRun: z.literal(true),
  format: importFormatSchema,
  fileName: z.string(),
  fileSize: z.number().int(),
  result: importResultSchema,
});

/**
 * `POST /api/workspaces/:workspace/teams/:team/imports`: a dry run answers 200 with
 * `importPreviewSchema`; an import answers 202 with the running `importJobSchema` (poll
 * `GET /api/workspaces/:workspace/imports/:id`). A file that cannot be read is a 400 problem
 * whose `errors` list every problem (`path` is the issue key or `line N`).
 */
export const importStartResponseSchema = z.discriminatedUnion('dryRun', [
  importPreviewSchema,
  importJobSchema,
]);

/** `GET /api/workspaces/:workspace/teams/:team/imports` — the import history, newest first. */
export const importJobPageSchema = pageSchema(importJobSchema);

export type ImportFormat = z.infer<typeof importFormatSchema>;
export type ImportMapping = z.output<typeof importMappingSchema>;
export type ImportUploadFields = z.output<typeof importUploadFieldsSchema>;
export type ImportProblem = z.infer<typeof importProblemSchema>;
export type DeliveryMetric = z.infer<typeof deliveryMetricSchema>;
export type ImportResult = z.infer<typeof importResultSchema>;
export type ImportJobStatus = z.infer<typeof importJobStatusSchema>;
export type ImportJob = z.infer<typeof importJobSchema>;
export type ImportPreview = z.infer<typeof importPreviewSchema>;
export type ImportStartResponse = z.infer<typeof importStartResponseSchema>;
export type ImportJobPage = z.infer<typeof importJobPageSchema>;
