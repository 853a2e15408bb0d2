import {
  instantOrDaySchema,
  METRIC_POINTS_MAX_PER_UPLOAD,
  metricPointSchema,
  PROBLEMS_MAX_LISTED,
  type ProblemFieldError,
} from '@bearing/contracts';
import { readCsvRecords } from './csv-records';

/** The most bytes one points upload may hold (`POINTS_UPLOAD_MAX_BYTES` of the API). */
export const POINTS_UPLOAD_MAX_BYTES = 20 * 1024 * 1024;

/** Rows a preview shows. */
export const PREVIEW_ROWS = 10;

export type PointsFileFormat = 'csv' | 'json';

/** A data row as read from the file, before any check: a CSV line or a JSON array element. */
export interface PreviewRow {
  /** `line.<n>` (CSV, the header is line 1) or the element's index (JSON), as the API names them. */
  where: string;
  timestamp: string;
  value: string;
}

/** What the file holds, checked as the API will check it. */
export interface PointsPreview {
  format: PointsFileFormat;
  /** Data rows: CSV records after the header, or JSON array elements. */
  rows: number;
  firstRows: PreviewRow[];
  /** At most `PROBLEMS_MAX_LISTED`, in file order, with the API's paths and messages. */
  problems: ProblemFieldError[];
  /** More problems were found than are listed. */
  truncated: boolean;
}

/** JSON for a `.json` file or a JSON media type; CSV otherwise. */
export function pointsFileFormat(file: { name: string; type: string }): PointsFileFormat {
  return /\.json$/i.test(file.name) || /[/+]json$/i.test(file.type) ? 'json' : 'csv';
}

/** The file can be sent: it has rows, none with a problem, and no more than one upload holds. */
export function isImportable(preview: PointsPreview): boolean {
  return (
    preview.rows > 0 &&
    preview.problems.length === 0 &&
    preview.rows <= METRIC_POINTS_MAX_PER_UPLOAD
  );
}

/**
 * Reads a points file in the browser, before anything is sent, with the checks of the API's
 * readers (`apps/api/src/metrics/points/points-csv.ts` and `points-json.ts`): the same header,
 * timestamp and number rules, the same paths and messages. The API reads the file again and has
 * the last word; see `readCsvRecords` for where malformed CSV may be reported differently.
 */
export function previewPointsFile(text: string, format: PointsFileFormat): PointsPreview {
  return format === 'csv' ? previewCsv(text) : previewJson(text);
}

/** A plain decimal number: no thousands separators, no `NaN`/`Infinity`, nothing empty. */
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const COLUMNS = ['timestamp', 'value'] as const;
const HEADER_PROBLEM = `must be the header ${COLUMNS.join(',')}`;

class PreviewBuilder {
  rows = 0;
  readonly firstRows: PreviewRow[] = [];
  readonly problems: ProblemFieldError[] = [];
  truncated = false;

  constructor(private readonly format: PointsFileFormat) {}

  row(row: PreviewRow): void {
    this.rows++;
    if (this.firstRows.length < PREVIEW_ROWS) this.firstRows.push(row);
  }

  problem(path: string, message: string): void {
    if (this.problems.length < PROBLEMS_MAX_LISTED) this.problems.push({ path, message });
    else this.truncated = true;
  }

  build(): PointsPreview {
    const { format, rows, firstRows, problems, truncated } = this;
    return { format, rows, firstRows, problems, truncated };
  }
}

function previewCsv(text: string): PointsPreview {
  const preview = new PreviewBuilder('csv');
  const [header, ...records] = readCsvRecords(text);
  const positions = header && !header.malformed ? columnPositions(header.fields) : undefined;
  if (!header || !positions) {
    preview.problem(`line.${header?.line ?? 1}`, HEADER_PROBLEM);
    return preview.build();
  }
  for (const { fields, line, malformed } of records) {
    const timestamp = fields[positions.timestamp] ?? '';
    const value = fields[positions.value] ?? '';
    preview.row({ where: `line.${line}`, timestamp, value });
    if (malformed) {
      preview.problem(`line.${line}`, `is not valid CSV (${malformed})`);
    } else if (fields.length !== COLUMNS.length) {
      preview.problem(
        `line.${line}`,
        `has ${fields.length} fields; expected ${COLUMNS.length} (${COLUMNS.join(',')})`,
      );
    } else {
      if (!instantOrDaySchema.safeParse(timestamp).success) {
        preview.problem(
          `line.${line}.timestamp`,
          timestamp === ''
            ? 'is empty'
            : `is not an ISO-8601 timestamp with an offset or a date YYYY-MM-DD: "${clip(timestamp)}"`,
        );
      }
      if (!NUMBER.test(value) || !Number.isFinite(Number(value))) {
        preview.problem(
          `line.${line}.value`,
          value === '' ? 'is empty' : `is not a number: "${clip(value)}"`,
        );
      }
    }
  }
  if (records.length === 0)
    preview.problem(`line.${header.line + 1}`, 'has no points after the header');
  return preview.build();
}

/** Where each column is: the header names exactly `timestamp` and `value`, any order, any case. */
function columnPositions(header: string[]): Record<(typeof COLUMNS)[number], number> | undefined {
  const names = header.map((name) => name.toLowerCase());
  const timestamp = names.indexOf('timestamp');
  const value = names.indexOf('value');
  if (names.length !== COLUMNS.length || timestamp < 0 || value < 0) return undefined;
  return { timestamp, value };
}

function previewJson(text: string): PointsPreview {
  const preview = new PreviewBuilder('json');
  let elements: unknown;
  try {
    elements = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    preview.problem(
      '',
      `is not valid JSON (${error instanceof Error ? error.message : 'parse error'})`,
    );
    return preview.build();
  }
  if (!Array.isArray(elements)) {
    preview.problem('', 'must be a JSON array of points');
    return preview.build();
  }
  if (elements.length === 0) preview.problem('', 'must hold at least one point');
  elements.forEach((element: unknown, index) => {
    const fields = typeof element === 'object' && element !== null ? element : {};
    preview.row({
      where: String(index),
      timestamp: 'timestamp' in fields ? shown(fields.timestamp) : '',
      // JSON text, so that a number sent as a string ("42") shows why it is refused.
      value: 'value' in fields ? (JSON.stringify(fields.value) ?? '') : '',
    });
    const result = metricPointSchema.safeParse(element);
    if (result.success) return;
    for (const issue of result.error.issues) {
      // As the API reports them: an unknown field at its own path.
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) preview.problem(`${index}.${key}`, 'is not an allowed field');
      } else {
        preview.problem([index, ...issue.path].map(String).join('.'), issue.message);
      }
    }
  });
  return preview.build();
}

function shown(field: unknown): string {
  return typeof field === 'string' ? field : (JSON.stringify(field) ?? '');
}

/** At most 40 characters of a bad field, as the API echoes them. */
function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
