import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import {
  instantOrDaySchema,
  metricKeySchema,
  MOMENT_RANGE_MESSAGE,
  type ProblemFieldError,
} from '@bearing/contracts';
import { type CsvError, parse } from 'csv-parse';
import { type PointsCollector, StopReading } from './points-reading.js';

export type CsvColumns =
  readonly ['timestamp', 'value'] | readonly ['metric', 'timestamp', 'value'];

/** A plain decimal number: no thousands separators, no `NaN`/`Infinity`, nothing empty. */
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Reads a points CSV (RFC 4180, via csv-parse) from `source`, record by record, into
 * `collector`: a header naming exactly `columns` (any order, any case), then one point per
 * line. Every bad line is reported in file order — its number (the header is line 1; a record's
 * line is where it ends), the column and why — as `{ path: 'line.<n>[.<column>]', message }`,
 * so a file can be fixed in one go, until the collector's caps end reading. Blank lines are
 * skipped; a byte-order mark and spaces around fields are ignored. Metric keys are only checked
 * for their form here: whether they exist is the collector's business.
 */
export async function readPointsCsv(
  source: Readable,
  columns: CsvColumns,
  collector: PointsCollector,
): Promise<void> {
  const rows = new CsvRowReader(columns, collector);
  const parser = parse({
    bom: true,
    trim: true,
    skip_empty_lines: true,
    relax_column_count: true,
    record_delimiter: ['\r\n', '\n', '\r'],
    // A malformed record (a stray quote) is reported and parsing goes on with the next one.
    skip_records_with_error: true,
    // Both callbacks run in file order as the parser meets each record; throwing StopReading
    // from either ends parsing. The parser then passes no record on.
    on_skip: (error: CsvError | undefined) => {
      if (error) rows.malformed(error);
      return undefined;
    },
    on_record: (record: string[], context) => {
      rows.record(record, context.lines);
      return null;
    },
  });
  const nothing = new Writable({ objectMode: true, write: (_record, _encoding, done) => done() });
  try {
    await pipeline(source, parser, nothing);
    rows.end();
  } catch (error) {
    if (!(error instanceof StopReading)) throw error;
  }
}

class CsvRowReader {
  private positions: Partial<Record<CsvColumns[number], number>> | undefined;
  private headerLine = 0;

  constructor(
    private readonly columns: CsvColumns,
    private readonly collector: PointsCollector,
  ) {}

  malformed(error: CsvError): void {
    if (this.positions) this.collector.row();
    // csv-parse puts the line it was reading on the error; the type leaves it `unknown`.
    const line = typeof error.lines === 'number' ? error.lines : this.collector.rowCount + 1;
    this.collector.problem({
      path: `line.${line}`,
      message: `is not valid CSV (${error.message.replace(/ at line \d+.*$/, '')})`,
    });
  }

  record(record: string[], line: number): void {
    if (!this.positions) {
      this.headerLine = line;
      this.positions = columnPositions(record, this.columns);
      if (!this.positions) this.collector.fatal({ path: `line.${line}`, message: this.header() });
      return;
    }
    this.collector.row();
    const { columns, collector } = this;
    if (record.length !== columns.length) {
      collector.problem({
        path: `line.${line}`,
        message: `has ${record.length} fields; expected ${columns.length} (${columns.join(',')})`,
      });
      return;
    }
    const positions = this.positions;
    const field = (column: CsvColumns[number]) => record[positions[column] ?? -1] ?? '';
    const problems: ProblemFieldError[] = [];
    const metric = positions.metric === undefined ? undefined : field('metric');
    if (metric !== undefined && !metricKeySchema.safeParse(metric).success) {
      problems.push({
        path: `line.${line}.metric`,
        message: metric === '' ? 'is empty' : `is not a metric key: "${clip(metric)}"`,
      });
    }
    const timestamp = field('timestamp');
    const read = instantOrDaySchema.safeParse(timestamp);
    if (!read.success) {
      // The form is right, the moment out of the range stored.
      const outOfRange = read.error.issues.some(({ message }) => message === MOMENT_RANGE_MESSAGE);
      problems.push({
        path: `line.${line}.timestamp`,
        message:
          timestamp === ''
            ? 'is empty'
            : outOfRange
              ? `${MOMENT_RANGE_MESSAGE}: "${clip(timestamp)}"`
              : `is not an ISO-8601 timestamp with an offset or a date YYYY-MM-DD: "${clip(timestamp)}"`,
      });
    }
    const value = field('value');
    if (!NUMBER.test(value) || !Number.isFinite(Number(value))) {
      problems.push({
        path: `line.${line}.value`,
        message: value === '' ? 'is empty' : `is not a number: "${clip(value)}"`,
      });
    }
    for (const problem of problems) collector.problem(problem);
    if (problems.length === 0) {
      collector.point({ where: `line.${line}`, metric, timestamp, value: Number(value) });
    }
  }

  /** After the last record: a file must have its header and, as a JSON upload must, a point. */
  end(): void {
    if (!this.positions) {
      this.collector.fatal({ path: 'line.1', message: this.header() });
    } else if (this.collector.rowCount === 0 && this.collector.problemCount === 0) {
      // An empty export is more likely a broken job than a deliberate no-op.
      this.collector.fatal({
        path: `line.${this.headerLine + 1}`,
        message: 'has no points after the header',
      });
    }
  }

  private header(): string {
    return `must be the header ${this.columns.join(',')}`;
  }
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

/** Echoes at most 40 characters of a bad field, so a huge cell cannot bloat the response. */
function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
