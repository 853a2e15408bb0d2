import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { statusReportSchema } from '@bearing/contracts';
import {
  type Browser,
  createMember,
  createUser,
  createWorkspace,
  signIn,
  type TestUser,
  type TestWorkspace,
} from './support/factories.js';
import { insertProgram, pinClock, programPath } from './support/program-factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * The Markdown export carries what users wrote into viewers that render raw HTML and follow
 * links, and into spreadsheets: HTML is escaped, only http(s) links survive, and formulas get a
 * leading `'` — while the export's own figures keep their signs.
 */
describe('the Markdown export of a status report', () => {
  let testApp: TestApp;
  let admin: TestUser;
  let workspace: TestWorkspace;
  let tpm: Browser;

  beforeAll(async () => {
    testApp = await createTestApp();
    admin = await createUser(testApp);
    workspace = await createWorkspace(testApp, admin);
    tpm = await signIn(testApp, await createMember(testApp, workspace, 'editor'));
    pinClock(testApp, '2026-03-11T10:00:00Z');
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('escapes HTML, neutralises non-http(s) links and formulas in user text', async () => {
    const program = await insertProgram(testApp, workspace, admin, {
      name: '<img src=x onerror=alert(1)> Payments',
    });
    const reports = `${programPath(workspace, program)}/reports`;
    const milestone = `${programPath(workspace, program)}/milestones`;
    await tpm.post(milestone).send({ name: '=Beta', baselineDate: '2026-03-02' }).expect(201);
    const created = statusReportSchema.parse(
      (await tpm.post(reports).send({ week: '2026-03-09' }).expect(201)).body,
    );
    await tpm
      .patch(`${reports}/${created.id}`)
      .send({
        version: created.version,
        summary: '<script>fetch("https://evil.example")</script>',
        highlights: ['[our plan](https://example.com/plan)', '[click](javascript:alert(1))'],
        lowlights: ['![x](data:text/html;base64,PHNjcmlwdD4=)'],
        asks: ['=HYPERLINK("https://evil.example","win")', '@SUM(A1:A9)', '+1 engineer'],
      })
      .expect(200);

    const text = (await tpm.get(`${reports}/${created.id}.md?audience=stakeholder`).expect(200))
      .text;

    expect(text).not.toMatch(/<script|<img/);
    expect(text).toContain('# &lt;img src=x onerror=alert(1)&gt; Payments — status report');
    expect(text).toContain(
      '## Summary\n\n&lt;script&gt;fetch("https://evil.example")&lt;/script&gt;',
    );
    expect(text).toContain(
      '## Highlights\n\n- [our plan](https://example.com/plan)\n- \\[click\\](javascript:alert(1))',
    );
    expect(text).toContain('## Lowlights\n\n- !\\[x\\](data:text/html;base64,PHNjcmlwdD4=)');
    expect(text).toContain(
      `## Asks\n\n- '=HYPERLINK("https://evil.example","win")\n- '@SUM(A1:A9)\n- '+1 engineer`,
    );
    // The milestone's user-written name is guarded; the export's own "+7 d"-style figures are not.
    expect(text).toMatch(
      /\| '=Beta \| 2026-03-02 \| 2026-03-02 \| — \| [^|]+ \| (—|[+-]?\d+ d) \|/,
    );
  });
});
