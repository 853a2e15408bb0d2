import { type CsvError, parse } from 'csv-parse/browser/esm/sync';

/** One CSV record as read: its fields, the line it ends on, and why it is not valid CSV if not. */
export interface CsvRecord {
  fields: string[];
  /** 1-based; a record whose quoted field spans lines is counted at the line it ends on. */
  line: number;
  malformed?: string;
}

/**
 * Splits CSV text into records with csv-parse and the very options of the API's points reader
 * (apps/api/src/metrics/points/points-csv.ts): byte-order mark and spaces around fields ignored,
 * empty lines skipped, `\r\n`, `\n` or `\r` between records, and a malformed record (a stray
 * quote) reported at its line while reading goes on — so the preview finds what the server will.
 */
export function readCsvRecords(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  parse(text, {
    bom: true,
    trim: true,
    skip_empty_lines: true,
    relax_column_count: true,
    record_delimiter: ['\r\n', '\n', '\r'],
    skip_records_with_error: true,
    on_skip: (error: CsvError | undefined) => {
      if (!error) return undefined;
      // csv-parse puts the line it was reading on the error; the type leaves it `unknown`.
      const line = typeof error.lines === 'number' ? error.lines : records.length + 1;
      records.push({ fields: [], line, malformed: error.message.replace(/ at line \d+.*$/, '') });
      return undefined;
    },
    on_record: (record: string[], context) => {
      records.push({ fields: record, line: context.lines });
      return null;
    },
  });
  return records;
}
