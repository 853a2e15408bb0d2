import { instantOrDaySchema, metricKeySchema, type ProblemFieldError } from '@bearing/contracts';
import { parse } from 'csv-parse/sync';

/** A CSV data row that passed every check; `line` is its line number in the file. */
export type CsvPointRow = {
  line: number;
  metric: string | undefined;
  timestamp: string;
  value: number;
};

export type CsvColumns =
  readonly ['timestamp', 'value'] | readonly ['metric', 'timestamp', 'value'];

export type ParsedPointsCsv = { rows: CsvPointRow[]; errors: ProblemFieldError[] };

/** A plain decimal number: no thousands separators, no `NaN`/`Infinity`, nothing empty. */
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Reads a points CSV (RFC 4180, via csv-parse): a header naming exactly `columns` (any order,
 * any case), then one point per line. Every bad line is reported — its number (the header is
 * line 1), the column and why — as `{ path: 'line.<n>[.<column>]', message }`, so a whole file
 * can be fixed in one go. Blank lines are skipped; a byte-order mark and spaces around fields
 * are ignored. Metric keys are only checked for their form here: whether they exist is the
 * caller's business.
 */
export function parsePointsCsv(text: string, columns: CsvColumns): ParsedPointsCsv {
  const errors: ProblemFieldError[] = [];
  const lines: number[] = [];
  const records = parse(text, {
    bom: true,
    trim: true,
    skip_empty_lines: true,
    relax_column_count: true,
    record_delimiter: ['\r\n', '\n', '\r'],
    // A malformed record (a stray quote) is reported and parsing goes on with the next one.
    skip_records_with_error: true,
    on_skip: (error) => {
      // csv-parse puts the line it was reading on the error; the type leaves it `unknown`.
      const line = typeof error?.lines === 'number' ? error.lines : lines.length + 1;
      if (error) errors.push({ path: `line.${line}`, message: csvErrorMessage(error) });
      return undefined;
    },
    // The line (where the record ends) of each record kept, in step with `records`.
    on_record: (record, context) => {
      lines.push(context.lines);
      return record;
    },
  });
  const [header, ...data] = records;
  if (!header) {
    return { rows: [], errors: [...errors, { path: 'line.1', message: headerMessage(columns) }] };
  }
  const positions = columnPositions(header, columns);
  if (!positions) {
    return {
      rows: [],
      errors: [{ path: `line.${lines[0] ?? 1}`, message: headerMessage(columns) }, ...errors],
    };
  }
  if (data.length === 0 && errors.length === 0) {
    // As a JSON upload must hold a point, so must a file: an empty export is more likely a
    // broken job than a deliberate no-op.
    const line = (lines[0] ?? 1) + 1;
    return {
      rows: [],
      errors: [{ path: `line.${line}`, message: 'has no points after the header' }],
    };
  }
  const rows: CsvPointRow[] = [];
  for (const [index, record] of data.entries()) {
    const line = lines[index + 1] ?? 0;
    if (record.length !== columns.length) {
      errors.push({
        path: `line.${line}`,
        message: `has ${record.length} fields; expected ${columns.length} (${columns.join(',')})`,
      });
      continue;
    }
    const field = (column: CsvColumns[number]) => record[positions[column] ?? -1] ?? '';
    const rowErrors: ProblemFieldError[] = [];
    const metric = positions.metric === undefined ? undefined : field('metric');
    if (metric !== undefined && !metricKeySchema.safeParse(metric).success) {
      rowErrors.push({
        path: `line.${line}.metric`,
        message: metric === '' ? 'is empty' : `is not a metric key: "${clip(metric)}"`,
      });
    }
    const timestamp = field('timestamp');
    if (!instantOrDaySchema.safeParse(timestamp).success) {
      rowErrors.push({
        path: `line.${line}.timestamp`,
        message:
          timestamp === ''
            ? 'is empty'
            : `is not an ISO-8601 timestamp with an offset or a date YYYY-MM-DD: "${clip(timestamp)}"`,
      });
    }
    const value = field('value');
    if (!NUMBER.test(value) || !Number.isFinite(Number(value))) {
      rowErrors.push({
        path: `line.${line}.value`,
        message: value === '' ? 'is empty' : `is not a number: "${clip(value)}"`,
      });
    }
    if (rowErrors.length > 0) errors.push(...rowErrors);
    else rows.push({ line, metric, timestamp, value: Number(value) });
  }
  errors.sort((first, second) => lineOf(first) - lineOf(second));
  return { rows, errors };
}

function columnPositions(
  header: string[],
  columns: CsvColumns,
): Partial<Record<CsvColumns[number], number>> | undefined {
  const names = header.map((name) => name.toLowerCase());
  if (names.length !== columns.length) return undefined;
  const positions: Partial<Record<CsvColumns[number], number>> = {};
  for (const column of columns) {
    const position = names.indexOf(column);
    if (position < 0) return undefined;
    positions[column] = position;
  }
  return positions;
}

function headerMessage(columns: CsvColumns): string {
  return `must be the header ${columns.join(',')}`;
}

function csvErrorMessage(error: { code: string; message: string }): string {
  return `is not valid CSV (${error.message.replace(/ at line \d+.*$/, '')})`;
}

function lineOf(error: ProblemFieldError): number {
  return Number(error.path.split('.')[1]);
}

/** Echoes at most 40 characters of a bad field, so a huge cell cannot bloat the response. */
function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
