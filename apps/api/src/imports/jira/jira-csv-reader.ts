import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import { tz } from '@date-fns/tz';
import { IMPORT_MAX_ISSUES, type ImportMapping } from '@bearing/contracts';
import { CsvError, parse as parseCsv } from 'csv-parse';
// Not from the package's index: it loads some 250 modules (about 60 MB of the server's RSS).
import { isValid } from 'date-fns/isValid';
import { parse as parseDate } from 'date-fns/parse';
import {
  checkIssueCount,
  type ImportedItem,
  type ImportedSprint,
  type ImportFile,
  ImportFileError,
  ProblemLog,
  sprintNameRef,
} from '../import-file.js';
import { CrlfToLf } from './crlf-to-lf.js';
import { inSupportedRange } from './raw-issue.js';
import { cleanText, LIMITS } from './text-limits.js';
import { parsePoints, quoted } from './values.js';

const NOT_A_CSV_EXPORT = 'not a Jira CSV export';
const ISSUE_KEY = 'Issue key';
const STORY_POINTS_COLUMNS = ['Custom field (Story Points)', 'Custom field (Story point estimate)'];
const PARENT_COLUMNS = ['Parent', 'Parent id', 'Custom field (Epic Link)'];
const ISSUE_KEY_PATTERN = /^[A-Za-z][A-Za-z0-9_]*-\d+$/;

type Columns = Map<string, number[]>;
type CsvRecord = { record: string[]; info: { lines: number } };

/**
 * Reads Jira's "Export → CSV (all fields)" into an `ImportFile`, one record at a time. Headers
 * repeat for multi-valued fields (`Sprint`, `Sprint`, `Labels`, …). Dates have no offset: they
 * are read with `mapping.dateFormat` in `mapping.timeZone` (default the team's). A CSV holds
 * no change history: items get their current state only.
 */
export async function readJiraCsv(
  path: string,
  mapping: ImportMapping,
  teamTimeZone: string,
  maxIssues = IMPORT_MAX_ISSUES,
): Promise<ImportFile> {
  const log = new ProblemLog();
  const reader = new CsvItemReader(mapping, mapping.timeZone ?? teamTimeZone, log, maxIssues);
  // pipeline: whichever stage fails or is abandoned, every stage (and the file) is closed.
  const parser = pipeline(
    createReadStream(path),
    new CrlfToLf(),
    parseCsv({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true }),
    () => undefined,
  );
  try {
    for await (const entry of parser as AsyncIterable<CsvRecord>) {
      // `lines` counts up to the record's end; line breaks inside quoted fields come before it.
      const breaks = entry.record.reduce((count, field) => count + countLineBreaks(field), 0);
      reader.read(entry.record, entry.info.lines - breaks);
    }
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      throw new ImportFileError([
        {
          ...(line === undefined ? {} : { line }),
          message: `${NOT_A_CSV_EXPORT}: ${error.message}`,
        },
      ]);
    }
    throw error;
  }
  return reader.finish();
}

class CsvItemReader {
  private columns: Columns | undefined;
  private pointsColumn: string | null = null;
  private readonly items = new Map<string, ImportedItem>();
  private readonly keyOfIssueId = new Map<string, string>();
  private readonly sprints = new Map<string, ImportedSprint>();
  private records = 0;
  private readonly zone: ReturnType<typeof tz>;

  constructor(
    private readonly mapping: ImportMapping,
    timeZone: string,
    private readonly log: ProblemLog,
    private readonly maxIssues: number,
  ) {
    // Made once: building the zone's date constructor for every cell doubled the reading time.
    this.zone = tz(timeZone);
  }

  read(record: string[], line: number): void {
    if (!this.columns) {
      this.columns = this.readHeader(record);
      return;
    }
    this.records++;
    checkIssueCount(this.records, this.maxIssues);
    const cell = (name: string) => this.cell(record, name);
    const key = cleanText(cell(ISSUE_KEY).trim(), Number.MAX_SAFE_INTEGER);
    if (key === '' || key.length > LIMITS.key) {
      this.log.error({
        line,
        message: key === '' ? 'has no issue key' : 'the issue key is too long',
      });
      return;
    }
    const status = cleanText(cell('Status').trim(), Number.MAX_SAFE_INTEGER);
    if (status === '' || status.length > LIMITS.status) {
      this.log.error({
        line,
        key,
        message: status === '' ? 'has no Status' : 'the Status is too long',
      });
    }
    const createdAt = this.date(cell('Created'), 'Created', line, key, true);
    const resolvedAt = this.date(cell('Resolved'), 'Resolved', line, key, false);
    if (
      status === '' ||
      status.length > LIMITS.status ||
      createdAt === undefined ||
      resolvedAt === undefined
    ) {
      return;
    }
    const issueId = cell('Issue id').trim();
    if (issueId !== '') this.keyOfIssueId.set(issueId, key);
    const points = this.points(record, line, key);
    const sprints = (this.columns.get('Sprint') ?? [])
      .map((index) => cleanText((record[index] ?? '').trim(), LIMITS.sprintName))
      .filter((name) => name !== '')
      .map((name) => this.sprintRef(name));
    if (this.items.has(key)) {
      this.log.warn({ line, key, message: 'appears more than once; the later row is used' });
      this.items.delete(key);
    }
    this.items.set(key, {
      key,
      type: cleanText(cell('Issue Type').trim(), LIMITS.type),
      title: cleanText(cell('Summary'), LIMITS.title),
      points,
      initialPoints: points,
      createdAt: createdAt as string,
      status,
      initialStatus: null,
      resolvedAt,
      parentKey: this.parentOf(record),
      hasHistory: false,
      statusChanges: [],
      sprintChanges: [],
      estimateChanges: [],
      sprints: [...new Set(sprints)],
      line,
    });
  }

  finish(): ImportFile {
    if (!this.columns) {
      throw new ImportFileError([{ message: `${NOT_A_CSV_EXPORT}: the file is empty` }]);
    }
    this.log.throwIfErrors();
    const items = [...this.items.values()].map((item) => ({
      ...item,
      // Jira Cloud's Parent column holds the parent's issue id: use its key when the file has it.
      parentKey: this.parentKeyOf(item.parentKey),
    }));
    if (this.pointsColumn === null) {
      this.log.warn({
        message:
          'no story-points column found (looked for "Custom field (Story Points)" and "Custom field (Story point estimate)"): points are left empty; choose the column in the mapping',
      });
    }
    return {
      format: 'jira-csv',
      items,
      sprints: this.sprints,
      problems: this.log.warningsWithTail(),
      storyPointsField: this.pointsColumn,
      sprintField: this.columns.has('Sprint') ? 'Sprint' : null,
      hasHistory: false,
    };
  }

  private readHeader(record: string[]): Columns {
    const columns: Columns = new Map();
    record.forEach((name, index) => {
      const header = name.trim();
      columns.set(header, [...(columns.get(header) ?? []), index]);
    });
    if (!columns.has(ISSUE_KEY)) {
      throw new ImportFileError([
        { line: 1, message: `${NOT_A_CSV_EXPORT}: no "${ISSUE_KEY}" column` },
      ]);
    }
    const mapped = this.mapping.storyPointsField;
    if (mapped !== undefined && !columns.has(mapped)) {
      throw new ImportFileError([
        { line: 1, message: `the story-points column "${mapped}" is not in the file` },
      ]);
    }
    this.pointsColumn = mapped ?? STORY_POINTS_COLUMNS.find((name) => columns.has(name)) ?? null;
    return columns;
  }

  /** The first non-empty cell of the (possibly repeated) column `name`. */
  private cell(record: string[], name: string): string {
    for (const index of this.columns?.get(name) ?? []) {
      const value = record[index];
      if (value !== undefined && value.trim() !== '') return value;
    }
    return '';
  }

  private date(
    value: string,
    column: string,
    line: number,
    key: string,
    required: boolean,
  ): string | null | undefined {
    const text = value.trim();
    if (text === '') {
      if (!required) return null;
      this.log.error({ line, key, message: `has no ${column} date` });
      return undefined;
    }
    const format = this.mapping.dateFormat;
    const date = parseDate(text, format, new Date(), { in: this.zone });
    const instant = isValid(date) ? new Date(date.getTime()).toISOString() : undefined;
    if (instant === undefined || !inSupportedRange(instant)) {
      this.log.error({
        line,
        key,
        message: `${column} ${quoted(text)} does not match the date format "${format}"`,
      });
      return undefined;
    }
    return instant;
  }

  private points(record: string[], line: number, key: string): number | null {
    if (this.pointsColumn === null) return null;
    const text = this.cell(record, this.pointsColumn);
    const points = parsePoints(text);
    if (points) return points.points;
    this.log.warn({
      line,
      key,
      message: `story points ${quoted(text)} are not a number; left empty`,
    });
    return null;
  }

  private parentOf(record: string[]): string | null {
    for (const column of PARENT_COLUMNS) {
      const value = cleanText(this.cell(record, column).trim(), LIMITS.key);
      if (value !== '') return value;
    }
    return null;
  }

  private parentKeyOf(parent: string | null): string | null {
    if (parent === null || ISSUE_KEY_PATTERN.test(parent)) return parent;
    return this.keyOfIssueId.get(parent) ?? null;
  }

  private sprintRef(name: string): string {
    const ref = sprintNameRef(name);
    if (!this.sprints.has(ref)) {
      this.sprints.set(ref, {
        externalId: null,
        name,
        start: null,
        end: null,
        completedAt: null,
        goal: '',
        state: 'future',
        detailsKnown: false,
      });
    }
    return ref;
  }
}

function countLineBreaks(field: string): number {
  let count = 0;
  for (let index = field.indexOf('\n'); index >= 0; index = field.indexOf('\n', index + 1)) count++;
  return count;
}
