/** One CSV record as read: its fields, the line it ends on, and why it is not valid CSV if not. */
export interface CsvRecord {
  fields: string[];
  /** 1-based; a record whose quoted field spans lines is counted at the line it ends on. */
  line: number;
  malformed?: string;
}

/** Characters that end or quote a field; a run of any others is read in one go. */
const SPECIAL = new Set([',', '"', '\r', '\n']);
const ORDINARY = /[^,"\r\n]+/y;

/**
 * Splits CSV text into records, as the API's reader (csv-parse with `bom`, `trim`,
 * `skip_empty_lines`, `relax_column_count` and `\r\n`, `\n` or `\r` between records) does for
 * well-formed files: RFC 4180 quoting (`"a ""b"", c"` is one field), spaces around fields dropped,
 * lines holding only spaces skipped, a leading byte-order mark ignored.
 *
 * Limits: a malformed record (a quote inside an unquoted field, text after a closing quote, a
 * quote never closed) is reported at the line where it ends and reading goes on at the next
 * line; csv-parse words these differently and, after an unclosed quote, may report another line.
 * The whole text is held in memory, which the 20 MB cap of an upload allows.
 */
export function readCsvRecords(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  /** The current field started with a quote; `inQuotes` while still inside it. */
  let quoted = false;
  let inQuotes = false;
  let malformed: string | undefined;
  let line = 1;

  const endField = () => {
    fields.push(quoted ? field : field.trim());
    field = '';
    quoted = false;
  };
  const endRecord = () => {
    const blank = fields.length === 0 && !quoted && field.trim() === '';
    endField();
    if (!blank || malformed) records.push({ fields, line, ...(malformed ? { malformed } : {}) });
    fields = [];
    malformed = undefined;
  };

  for (let index = text.charCodeAt(0) === 0xfeff ? 1 : 0; index < text.length; index++) {
    const char = text[index];
    if (!inQuotes && !quoted && !SPECIAL.has(char ?? '')) {
      ORDINARY.lastIndex = index;
      const run = ORDINARY.exec(text)?.[0] ?? '';
      field += run;
      index += run.length - 1;
      continue;
    }
    if (inQuotes) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') {
        inQuotes = false;
      } else {
        if (char === '\n' || (char === '\r' && text[index + 1] !== '\n')) line++;
        field += char;
      }
    } else if (char === ',') {
      endField();
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index++;
      endRecord();
      line++;
    } else if (char === '"') {
      if (!quoted && field.trim() === '') {
        quoted = true;
        inQuotes = true;
        field = '';
      } else {
        malformed ??= quoted
          ? 'text follows the closing quote of a field'
          : 'a quote inside a field that does not start with one';
      }
    } else if (quoted) {
      if (char !== ' ' && char !== '\t') malformed ??= 'text follows the closing quote of a field';
    } else {
      field += char;
    }
  }
  if (inQuotes) malformed = 'a quote is not closed';
  if (fields.length > 0 || quoted || field.trim() !== '' || malformed) endRecord();
  return records;
}
