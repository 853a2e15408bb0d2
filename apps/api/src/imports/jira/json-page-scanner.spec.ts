import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { JsonPageScanner, JsonShapeError } from './json-page-scanner.js';

type Event = [string, unknown?];

function scan(chunks: string[]): Event[] {
  const events: Event[] = [];
  const scanner = new JsonPageScanner({
    pageStart: () => events.push(['page']),
    pageField: (key, value) => events.push([`field ${key}`, value]),
    issue: (value) => events.push(['issue', value]),
    pageEnd: () => events.push(['end']),
  });
  for (const chunk of chunks) scanner.write(chunk);
  scanner.end();
  return events;
}

const PAGE = JSON.stringify({
  startAt: 0,
  total: 2,
  issues: [
    { key: 'A-1', fields: { summary: 'quote " and \\ backslash, {braces} [brackets]', n: -1.5e3 } },
    { key: 'A-2', fields: { labels: [], empty: {}, flag: true, nothing: null } },
  ],
  isLast: true,
  names: { customfield_1: 'Story Points' },
});

describe('JsonPageScanner', () => {
  it('hands out page fields and issues in file order', () => {
    expect(scan([PAGE])).toEqual([
      ['page'],
      ['field startAt', 0],
      ['field total', 2],
      ['issue', JSON.parse(PAGE).issues[0]],
      ['issue', JSON.parse(PAGE).issues[1]],
      ['field isLast', true],
      ['field names', { customfield_1: 'Story Points' }],
      ['end'],
    ]);
  });

  it('gives the same events wherever the stream is cut into chunks', () => {
    const whole = scan([PAGE, ' \n', PAGE]);
    const text = `${PAGE} \n${PAGE}`;
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: text.length - 1 }), { maxLength: 12 }),
        (cuts) => {
          const sorted = [...cuts].sort((a, b) => a - b);
          const chunks = [0, ...sorted].map((start, index) =>
            text.slice(start, sorted[index] ?? text.length),
          );
          expect(scan(chunks)).toEqual(whole);
        },
      ),
    );
  });

  it('reads a JSON array of pages', () => {
    const events = scan([`[${PAGE},${PAGE}]`]);
    expect(events.filter(([name]) => name === 'issue')).toHaveLength(4);
  });

  it.each([
    ['{"total": 1}', 'no issues array'],
    ['{"issues": {}}', 'no issues array'],
    ['[]', 'no issues array'],
    ['', 'the file holds no JSON object'],
    ['"issues"', 'the file is not valid JSON (unexpected "\\"" at character 1)'],
    ['{"issues": [}', 'the file is not valid JSON (unexpected "}" at character 13)'],
    ['{"issues": [{"a": tru}]}', /^the file is not valid JSON \(/],
    ['{"issues": []', 'the file ends in the middle of a JSON value'],
    ['{"issues": [] "x": 1}', 'the file is not valid JSON (unexpected "\\"" at character 15)'],
  ])('refuses %j', (text, message) => {
    let error: unknown;
    try {
      scan([text]);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(JsonShapeError);
    if (typeof message === 'string') expect((error as Error).message).toBe(message);
    else expect((error as Error).message).toMatch(message);
  });

  it('names the page and line of a break, wherever the chunks are cut', () => {
    const page = (issues: number) =>
      JSON.stringify(
        { issues: Array.from({ length: issues }, (_, n) => ({ key: `A-${n}` })) },
        null,
        1,
      );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom('inside an issue', 'between issues'),
        fc.array(fc.nat(), { maxLength: 6 }),
        (brokenPage, place, cuts) => {
          const pages = [1, 2, 3, 4].map((number) => {
            const text = page(3);
            if (number !== brokenPage) return text;
            // Puts a field after A-1's key without a comma, or drops the comma after issue A-1.
            return place === 'inside an issue'
              ? text.replace('"key": "A-1"\n', '"key": "A-1" "x": 1\n')
              : text.replace('"key": "A-1"\n  },', '"key": "A-1"\n  }');
          });
          const text = `[\n${pages.join(',\n')}\n]`;
          const at =
            place === 'inside an issue'
              ? text.indexOf('"x": 1')
              : text.indexOf('{', text.indexOf('"key": "A-1"\n  }\n'));
          const line = text.slice(0, at).split('\n').length;
          const points = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort(
            (a, b) => a - b,
          );
          const chunks = [0, ...points].map((start, index) =>
            text.slice(start, points[index] ?? text.length),
          );
          let error: unknown;
          try {
            scan(chunks);
          } catch (caught) {
            error = caught;
          }
          expect(error).toBeInstanceOf(JsonShapeError);
          expect((error as JsonShapeError).where).toEqual({ line, page: brokenPage });
        },
      ),
    );
  });
});
