import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  type AlertRuleInput,
  alertRuleInputSchema,
  alertRuleTemplateListSchema,
  alertRuleTestResultSchema,
} from '@bearing/contracts';
import { Guardrail } from '../src/guardrails/guardrail.entity.js';
import { Milestone } from '../src/programs/milestones/milestone.entity.js';
import { createTeam, fixture, importFile } from './support/delivery-factories.js';
import {
  type Browser,
  createMember,
  createUser,
  createWorkspace,
  signIn,
  type TestUser,
  type TestWorkspace,
} from './support/factories.js';
import {
  createGuardrail,
  createKeyResult,
  createMetric,
  createObjective,
  createPeriod,
} from './support/okr-factories.js';
import { insertProgram, pinClock } from './support/program-factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * The alert rule templates: any member reads them, each is a complete rule whose query
 * compiles, and each fires — through "Test rule", which fires nothing — on a fixture that should
 * trip it and not on one that should not. Each template gets workspaces of its own.
 */
describe('alert rule templates', () => {
  let testApp: TestApp;
  let owner: TestUser;
  let admin: Browser;
  let templates: Map<string, AlertRuleInput>;
  let clock: { set(instant: string): void };

  beforeAll(async () => {
    testApp = await createTestApp();
    owner = await createUser(testApp);
    admin = await signIn(testApp, owner);
    clock = pinClock(testApp, '2026-04-02T12:00:00Z');
  }, 60_000);
  afterAll(async () => {
    await testApp.close();
  });

  const newWorkspace = () => createWorkspace(testApp, owner);

  /** "Test rule" of the template in `workspace`, over its own lookback (in whole days). */
  async function test(workspace: TestWorkspace, id: string, days?: number) {
    const rule = templates.get(id);
    if (!rule) throw new Error(`no template ${id}`);
    const response = await admin
      .post(`/api/workspaces/${workspace.slug}/alert-rules/test`)
      .send({ rule, days: days ?? Math.max(1, Math.ceil(rule.lookbackMinutes / 1440)) })
      .expect(200);
    return alertRuleTestResultSchema.parse(response.body);
  }

  it('are listed for any member, each a complete rule', async () => {
    const workspace = await newWorkspace();
    const viewer = await signIn(testApp, await createMember(testApp, workspace, 'viewer'));
    const response = await viewer
      .get(`/api/workspaces/${workspace.slug}/alert-rules/templates`)
      .expect(200);
    const list = alertRuleTemplateListSchema.parse(response.body);
    expect(list.items.map((template) => template.id)).toEqual([
      'guardrail-breached',
      'kpi-beyond-xmr-limits-two-days',
      'work-items-ageing-beyond-p85',
      'check-in-overdue-7-days',
      'milestone-slipped-14-days',
    ]);
    for (const template of list.items) {
      expect(alertRuleInputSchema.safeParse(template.rule).success).toBe(true);
      expect(template.rule.groupBy).toBeDefined();
    }
    templates = new Map(list.items.map((template) => [template.id, template.rule]));
    // Not a member: not even the templates.
    const outsider = await signIn(testApp, await createUser(testApp));
    await outsider.get(`/api/workspaces/${workspace.slug}/alert-rules/templates`).expect(404);
  });

  it('compile, and match nothing in an empty workspace', async () => {
    const empty = await newWorkspace();
    for (const id of templates.keys()) {
      const result = await test(empty, id);
      expect({ id, ...result }).toMatchObject({ id, rows: [], matched: 0, wouldFire: false });
    }
  });

  it('guardrail breached: fires for the breached guardrail only', async () => {
    const workspace = await newWorkspace();
    const ok = await createGuardrail(
      testApp,
      await createMetric(testApp, workspace, { key: 'uptime' }),
    );
    const breached = await createGuardrail(
      testApp,
      await createMetric(testApp, workspace, { key: 'error-rate' }),
    );
    await testApp.dataSource.getRepository(Guardrail).update(ok.id, { status: 'warning' });
    expect((await test(workspace, 'guardrail-breached')).wouldFire).toBe(false);
    await testApp.dataSource.getRepository(Guardrail).update(breached.id, { status: 'breached' });
    const result = await test(workspace, 'guardrail-breached');
    expect(result).toMatchObject({ wouldFire: true, groups: ['error-rate'] });
  });

  it('KPI beyond its XmR limits two days running: two values beyond, not one', async () => {
    const workspace = await newWorkspace();
    // Twenty days alternating 9 and 11 (mean 10, limits 10 ± 2.66 × 2), then each metric's
    // last two days: 30 and 31 (two beyond the limits), or 30 and back to 10 (one).
    const days = Array.from({ length: 22 }, (_, index) =>
      new Date(Date.UTC(2026, 9, 1 + index)).toISOString(),
    );
    const upload = async (key: string, last: [number, number]) => {
      await createMetric(testApp, workspace, { key });
      const values = [...days.slice(0, 20).map((_, index) => (index % 2 === 0 ? 9 : 11)), ...last];
      const csv = ['timestamp,value', ...days.map((day, index) => `${day},${values[index]}`)];
      await admin
        .post(`/api/workspaces/${workspace.slug}/metrics/${key}/points`)
        .set('Content-Type', 'text/csv')
        .send(csv.join('\n'))
        .expect(200);
    };
    // Points dated after the server's today are refused: the clock is on their last day first.
    clock.set('2026-10-22T12:00:00Z');
    try {
      await upload('shifted', [30, 31]);
      await upload('spike', [30, 10]);
      const result = await test(workspace, 'kpi-beyond-xmr-limits-two-days');
      expect(result).toMatchObject({ wouldFire: true, groups: ['shifted'] });
      expect(result.rows).toEqual([
        { metric: 'shifted', values: 1, longestRun: 2, latest: '2026-10-22T00:00:00.000Z' },
      ]);
      // Four days on, both values are out of the rule's three-day window.
      clock.set('2026-10-26T12:00:00Z');
      expect((await test(workspace, 'kpi-beyond-xmr-limits-two-days')).wouldFire).toBe(false);
    } finally {
      clock.set('2026-04-02T12:00:00Z');
    }
  });

  it("work items ageing beyond their team's p85: an item older than the team's p85", async () => {
    const workspace = await newWorkspace();
    const team = await createTeam(testApp, workspace, {
      timeZone: 'Europe/Berlin',
      calendar: { nonWorkingWeekdays: [0, 6], holidays: ['2024-03-08'] },
    });
    await importFile(admin, workspace, team, { file: fixture('search-v3.json') });
    // Cycle times 4, 7, 7 (delivery.spec.ts): p85 = 7 + 0.7 × (7 − 7) = 7. PAY-4, in progress
    // since Berlin's 2024-03-08, is 7 days old on 03-15 — not beyond — and 9 on 03-17.
    try {
      clock.set('2024-03-15T12:00:00Z');
      expect((await test(workspace, 'work-items-ageing-beyond-p85')).wouldFire).toBe(false);
      clock.set('2024-03-17T12:00:00Z');
      const result = await test(workspace, 'work-items-ageing-beyond-p85');
      expect(result).toMatchObject({ wouldFire: true, groups: [team.slug] });
      expect(result.rows).toEqual([
        { team: team.slug, key: 'PAY-4', type: 'Story', status: 'In Progress', ageDays: 9, p85: 7 },
      ]);
    } finally {
      clock.set('2026-04-02T12:00:00Z');
    }
  });

  it('check-in overdue by more than 7 days: due more than a week ago, not less', async () => {
    const workspace = await newWorkspace();
    const period = await createPeriod(testApp, workspace, {
      start: '2026-03-02',
      end: '2026-06-30',
    });
    const objective = await createObjective(testApp, workspace, owner, period, {
      title: 'Grow activation',
    });
    await createKeyResult(testApp, objective, { createdAt: new Date('2026-03-02T09:00:00Z') });
    const dueOn = (
      await admin
        .post(`/api/workspaces/${workspace.slug}/queries/run`)
        .send({ query: 'KeyResults | project checkInDueOn' })
        .expect(200)
    ).body.rows[0].checkInDueOn as string;
    const due = new Date(dueOn).getTime();
    try {
      // Seven days after the due day (noon): not yet more than a week overdue.
      clock.set(new Date(due + 7 * 86_400_000 - 1).toISOString());
      expect((await test(workspace, 'check-in-overdue-7-days')).wouldFire).toBe(false);
      clock.set(new Date(due + 8 * 86_400_000).toISOString());
      const result = await test(workspace, 'check-in-overdue-7-days');
      expect(result).toMatchObject({ wouldFire: true, groups: ['Grow activation'] });
      expect(result.rows).toEqual([
        expect.objectContaining({ objective: 'Grow activation', checkInDueOn: dueOn }),
      ]);
    } finally {
      clock.set('2026-04-02T12:00:00Z');
    }
  });

  it('milestone slipped more than 14 days: 15 days fires, 14 does not, completed ones never', async () => {
    const workspace = await newWorkspace();
    const program = await insertProgram(testApp, workspace, owner, { name: 'Apollo' });
    const milestones = testApp.dataSource.getRepository(Milestone);
    const base = { workspaceId: workspace.id, programId: program.id };
    // Today is 2026-04-02: these dates are still ahead, so the slip is to the current date.
    await milestones.save([
      {
        ...base,
        name: 'Two weeks late',
        baselineDate: '2026-04-06',
        currentDate: '2026-04-20',
        completedAt: null,
      },
      {
        ...base,
        name: 'Done late',
        baselineDate: '2026-01-05',
        currentDate: '2026-02-05',
        completedAt: '2026-02-05',
      },
      {
        ...base,
        name: 'Due two weeks ago',
        baselineDate: '2026-03-19',
        currentDate: '2026-03-19',
        completedAt: null,
      },
    ]);
    expect((await test(workspace, 'milestone-slipped-14-days')).wouldFire).toBe(false);
    await milestones.save([
      {
        ...base,
        name: 'Fifteen days late',
        baselineDate: '2026-04-06',
        currentDate: '2026-04-21',
        completedAt: null,
      },
      // Never moved, still open 15 days after its date: as late as a move of 15 days.
      {
        ...base,
        name: 'Overdue fifteen days',
        baselineDate: '2026-03-18',
        currentDate: '2026-03-18',
        completedAt: null,
      },
    ]);
    const result = await test(workspace, 'milestone-slipped-14-days');
    expect(result).toMatchObject({ wouldFire: true, groups: ['Apollo'] });
    expect(result.rows).toEqual(
      expect.arrayContaining([
        {
          program: 'Apollo',
          name: 'Fifteen days late',
          baselineDate: '2026-04-06T00:00:00.000Z',
          currentDate: '2026-04-21T00:00:00.000Z',
          slipDays: 15,
        },
        {
          program: 'Apollo',
          name: 'Overdue fifteen days',
          baselineDate: '2026-03-18T00:00:00.000Z',
          currentDate: '2026-03-18T00:00:00.000Z',
          slipDays: 15,
        },
      ]),
    );
    expect(result.rows).toHaveLength(2);
  });
});
