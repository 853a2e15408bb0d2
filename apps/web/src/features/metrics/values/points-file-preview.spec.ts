import { describe, expect, it } from '@jest/globals';
import { readCsvRecords } from './csv-records';
import {
  isImportable,
  pointsFileFormat,
  previewPointsFile,
  PREVIEW_ROWS,
} from './points-file-preview';

describe('readCsvRecords', () => {
  it('reads RFC 4180 quoting, trims fields, skips blank lines and counts lines where records end', () => {
    expect(
      readCsvRecords('\uFEFFtimestamp,value\r\n\n   \n "a, ""b""" , 2\r"multi\nline",3\n'),
    ).toEqual([
      { fields: ['timestamp', 'value'], line: 1 },
      { fields: ['a, "b"', '2'], line: 4 },
      { fields: ['multi\nline', '3'], line: 6 },
    ]);
  });

  it('keeps empty fields and a last line without a line break', () => {
    expect(readCsvRecords('a,b\n,\n""\n1,2')).toEqual([
      { fields: ['a', 'b'], line: 1 },
      { fields: ['', ''], line: 2 },
      { fields: [''], line: 3 },
      { fields: ['1', '2'], line: 4 },
    ]);
  });

  it('reports malformed records at their lines, worded as the server words them', () => {
    const records = readCsvRecords('a,b\nx"y,1\n"x"y,2\n3,4\n"open,5');
    expect(records[0]).toEqual({ fields: ['a', 'b'], line: 1 });
    expect(records.slice(1).map(({ line, malformed }) => [line, malformed])).toEqual([
      [2, expect.stringMatching(/^Invalid Opening Quote: a quote is found on field 0/)],
      [3, expect.stringMatching(/^Invalid Closing Quote: got "y"/)],
      [5, expect.stringMatching(/^Invalid Closing Quote/)],
      [5, expect.stringMatching(/^Quote Not Closed/)],
    ]);
  });
});

describe('previewPointsFile', () => {
  it('reads a good CSV file: its rows, the first ones shown, no problems', () => {
    const lines = Array.from(
      { length: 12 },
      (_, index) => `2026-11-${String(index + 1).padStart(2, '0')},${index}.5`,
    );
    const preview = previewPointsFile(
      `Value,TIMESTAMP\n${lines.map((line) => line.split(',').reverse().join(',')).join('\n')}\n`,
      'csv',
    );
    expect(preview.rows).toBe(12);
    expect(preview.firstRows).toHaveLength(PREVIEW_ROWS);
    expect(preview.firstRows[0]).toEqual({
      where: 'line.2',
      timestamp: '2026-11-01',
      value: '0.5',
    });
    expect(preview.problems).toEqual([]);
    expect(isImportable(preview)).toBe(true);
  });

  it('reports every bad line with its column, in the words of the API', () => {
    const preview = previewPointsFile(
      'timestamp,value\n2026-11-02,41.5\n2026-11-03T09:30:00,1\n2026-11-04,1 000\n,\n2026-11-05,1,2\n2026-13-01,NaN\n2026-11-07T09:30:00+02:00,-1.5e2\n',
      'csv',
    );
    expect(preview.rows).toBe(7);
    expect(preview.problems).toEqual([
      {
        path: 'line.3.timestamp',
        message:
          'is not an ISO-8601 timestamp with an offset or a date YYYY-MM-DD: "2026-11-03T09:30:00"',
      },
      { path: 'line.4.value', message: 'is not a number: "1 000"' },
      { path: 'line.5.timestamp', message: 'is empty' },
      { path: 'line.5.value', message: 'is empty' },
      { path: 'line.6', message: 'has 3 fields; expected 2 (timestamp,value)' },
      {
        path: 'line.7.timestamp',
        message: 'is not an ISO-8601 timestamp with an offset or a date YYYY-MM-DD: "2026-13-01"',
      },
      { path: 'line.7.value', message: 'is not a number: "NaN"' },
    ]);
    expect(isImportable(preview)).toBe(false);
  });

  it('wants the header timestamp,value and a point after it', () => {
    for (const text of ['', 'date,value\n2026-11-02,1\n', 'timestamp,value,note\n']) {
      expect(previewPointsFile(text, 'csv').problems).toEqual([
        { path: 'line.1', message: 'must be the header timestamp,value' },
      ]);
    }
    const empty = previewPointsFile('timestamp,value\n\n', 'csv');
    expect(empty.problems).toEqual([{ path: 'line.2', message: 'has no points after the header' }]);
    expect(isImportable(empty)).toBe(false);
  });

  it('lists the first 100 problems and says when there were more', () => {
    const preview = previewPointsFile(`timestamp,value\n${'x,1\n'.repeat(101)}`, 'csv');
    expect(preview.rows).toBe(101);
    expect(preview.problems).toHaveLength(100);
    expect(preview.problems[99]?.path).toBe('line.101.timestamp');
    expect(preview.truncated).toBe(true);
  });

  it('is not importable beyond 200,000 rows', () => {
    const preview = previewPointsFile(
      `timestamp,value\n${'2026-11-02,1\n'.repeat(200_001)}`,
      'csv',
    );
    expect(preview.rows).toBe(200_001);
    expect(preview.problems).toEqual([]);
    expect(isImportable(preview)).toBe(false);
  });

  it('checks a JSON array element by element, as the API does', () => {
    const preview = previewPointsFile(
      JSON.stringify([
        { timestamp: '2026-11-02', value: 41.5 },
        { timestamp: '2026-11-03', value: '42' },
        { timestamp: '2026-11-04', value: 1, note: 'x' },
      ]),
      'json',
    );
    expect(preview.rows).toBe(3);
    expect(preview.firstRows[1]).toEqual({ where: '1', timestamp: '2026-11-03', value: '"42"' });
    expect(preview.problems).toEqual([
      { path: '1.value', message: expect.stringMatching(/number/) },
      { path: '2.note', message: 'is not an allowed field' },
    ]);
    expect(previewPointsFile('{"timestamp":"2026-11-02"}', 'json').problems).toEqual([
      { path: '', message: 'must be a JSON array of points' },
    ]);
    expect(previewPointsFile('[]', 'json').problems).toEqual([
      { path: '', message: 'must hold at least one point' },
    ]);
    expect(previewPointsFile('[{', 'json').problems).toEqual([
      { path: '', message: expect.stringMatching(/^is not valid JSON/) },
    ]);
  });

  it('takes .json files as JSON and anything else as CSV', () => {
    expect(pointsFileFormat({ name: 'values.JSON', type: '' })).toBe('json');
    expect(pointsFileFormat({ name: 'values', type: 'application/json' })).toBe('json');
    expect(pointsFileFormat({ name: 'values.csv', type: 'application/vnd.ms-excel' })).toBe('csv');
  });
});
