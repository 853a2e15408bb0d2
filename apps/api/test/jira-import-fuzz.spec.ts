import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { importJobSchema, PROBLEM_CONTENT_TYPE, problemSchema } from '@bearing/contracts';
import fc from 'fast-check';
import {
  type Browser,
  createUser,
  createWorkspace,
  signIn,
  type TestWorkspace,
} from './support/factories.js';
import {
  countDeliveryRows,
  createTeam,
  fixture,
  type TestTeam,
  uploadImport,
  waitForImport,
} from './support/delivery-factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * Whatever arrives as an export, the answer is a preview, a job or a clean 400 problem — never
 * a 500 — and an import that fails stores nothing (only its failed job row).
 */
describe('Jira import under fuzzing', () => {
  let testApp: TestApp;
  let workspace: TestWorkspace;
  let admin: Browser;
  let team: TestTeam;

  beforeAll(async () => {
    testApp = await createTestApp();
    const user = await createUser(testApp);
    workspace = await createWorkspace(testApp, user);
    admin = await signIn(testApp, user);
    team = await createTeam(testApp, workspace);
  }, 60_000);
  afterAll(async () => {
    await testApp.close();
  });

  /** Uploads `file`; checks the answer is clean and that a failure left no data behind. */
  async function uploadChecked(file: Buffer, format: string, dryRun: boolean): Promise<void> {
    const before = await countDeliveryRows(testApp);
    const response = await uploadImport(admin, workspace, team, { file, format, dryRun });
    expect([200, 202, 400]).toContain(response.status);
    if (response.status === 400) {
      expect(response.headers['content-type']?.startsWith(PROBLEM_CONTENT_TYPE)).toBe(true);
      expect(problemSchema.parse(response.body).detail).toEqual(expect.any(String));
    }
    let failed = response.status === 400;
    if (response.status === 202) {
      const job = await waitForImport(admin, workspace, importJobSchema.parse(response.body).id);
      failed = job.status === 'failed';
    }
    const after = await countDeliveryRows(testApp);
    if (dryRun) expect(after).toEqual(before);
    else if (failed) expect(after).toEqual({ ...before, import_job: before.import_job! + 1 });
  }

  const formats = fc.constantFrom('jira-json', 'jira-csv');

  it('answers arbitrary bytes with a 400 problem or a preview, and writes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 3000 }),
        formats,
        fc.boolean(),
        async (bytes, format, dryRun) => {
          await uploadChecked(Buffer.from(bytes), format, dryRun);
        },
      ),
      { numRuns: 120 },
    );
  }, 120_000);

  const tokens = fc.constantFrom(
    '"',
    '{',
    '}',
    '[',
    ']',
    ',',
    ':',
    'null',
    '-1',
    '1e999',
    '"\\u0000"',
    '\u0000',
    '"2015-13-45T99:99:99.000-0500"',
    '\n',
    '\r\n',
    '""',
    'com.atlassian.greenhopper.service.sprint.Sprint@0[id=,name=]',
    'x'.repeat(300),
  );
  const insertion = fc.oneof(tokens, fc.string({ maxLength: 20 }));

  /** Text edits: cut, insert, replace, truncate, duplicate. */
  function textMutation(text: string) {
    const position = fc.nat({ max: text.length });
    return fc.oneof(
      fc
        .tuple(position, position)
        .map(([a, b]) => text.slice(0, Math.min(a, b)) + text.slice(Math.max(a, b))),
      fc.tuple(position, insertion).map(([a, token]) => text.slice(0, a) + token + text.slice(a)),
      fc
        .tuple(position, fc.nat({ max: 20 }), insertion)
        .map(([a, length, token]) => text.slice(0, a) + token + text.slice(a + length)),
      position.map((a) => text.slice(0, a)),
      fc
        .tuple(position, position)
        .map(([a, b]) => text.slice(0, Math.max(a, b)) + text.slice(Math.min(a, b))),
    );
  }

  /** Every path to a value inside a JSON document. */
  function pathsOf(value: unknown, path: (string | number)[] = []): (string | number)[][] {
    if (Array.isArray(value))
      return [path, ...value.flatMap((item, index) => pathsOf(item, [...path, index]))];
    if (value !== null && typeof value === 'object') {
      return [
        path,
        ...Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...path, key])),
      ];
    }
    return [path];
  }

  /** A structural edit: one value anywhere in the document replaced (or removed). */
  function valueMutation(document: unknown) {
    const paths = pathsOf(document).filter((path) => path.length > 0);
    return fc
      .tuple(fc.constantFrom(...paths), fc.option(fc.jsonValue({ maxDepth: 2 })))
      .map(([path, value]) => {
        const copy = structuredClone(document) as Record<string | number, unknown>;
        let parent: Record<string | number, unknown> = copy;
        for (const segment of path.slice(0, -1))
          parent = parent[segment] as Record<string | number, unknown>;
        const last = path.at(-1) as string | number;
        if (value === null && !Array.isArray(parent)) delete parent[last];
        else parent[last] = value;
        return JSON.stringify(copy);
      });
  }

  it('answers mutated Jira JSON pages cleanly, storing nothing on failure', async () => {
    const text = fixture('search-v3.json').toString('utf8');
    const v2 = fixture('search-v2-page1.json').toString('utf8');
    const mutated = fc.oneof(
      textMutation(text),
      textMutation(v2),
      valueMutation(JSON.parse(text)),
      valueMutation(JSON.parse(v2)),
      fc
        .tuple(textMutation(v2), textMutation(text))
        .map(([first, second]) => `${first}\n${second}`),
    );
    await fc.assert(
      fc.asyncProperty(mutated, fc.boolean(), async (file, dryRun) => {
        await uploadChecked(Buffer.from(file), 'jira-json', dryRun);
      }),
      { numRuns: 150 },
    );
  }, 180_000);

  it('answers mutated Jira CSV exports cleanly, storing nothing on failure', async () => {
    const text = fixture('all-fields.csv').toString('utf8');
    const rows = text.split('\r\n');
    const cellEdit = fc
      .tuple(fc.nat({ max: rows.length - 1 }), fc.nat({ max: 20 }), insertion)
      .map(([row, column, value]) =>
        rows
          .map((line, index) => {
            if (index !== row) return line;
            const cells = line.split(',');
            cells[column % cells.length] = value;
            return cells.join(',');
          })
          .join('\r\n'),
      );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(textMutation(text), cellEdit),
        fc.boolean(),
        async (file, dryRun) => {
          await uploadChecked(Buffer.from(file), 'jira-csv', dryRun);
        },
      ),
      { numRuns: 150 },
    );
  }, 180_000);
});
