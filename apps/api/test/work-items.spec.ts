import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  problemSchema,
  sprintPageSchema,
  type WorkItem as WorkItemResponse,
  workItemDetailSchema,
  workItemPageSchema,
  workItemTypesSchema,
} from '@bearing/contracts';
import { WorkItem } from '../src/work-items/work-item.entity.js';
import {
  type Browser,
  createUser,
  createWorkspace,
  signIn,
  type TestWorkspace,
} from './support/factories.js';
import { createTeam, fixture, importFile, type TestTeam } from './support/delivery-factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** The work-item list: search, order, the type filter's choices and links to Jira. */
describe('work items', () => {
  let testApp: TestApp;
  let workspace: TestWorkspace;
  let viewer: Browser;
  let team: TestTeam;
  const list = () => `/api/workspaces/${workspace.slug}/teams/${team.slug}/work-items`;

  /** Items written directly: what is under test is how they are listed, not imported. */
  async function insertItem(fields: {
    key: string;
    title?: string;
    type?: string;
    status?: string;
    points?: number | null;
    createdAt: string;
    resolvedAt?: string | null;
  }): Promise<void> {
    await testApp.dataSource.getRepository(WorkItem).insert({
      workspaceId: workspace.id,
      teamId: team.id,
      source: 'jira',
      key: fields.key,
      type: fields.type ?? 'Story',
      title: fields.title ?? `Summary of ${fields.key}`,
      points: fields.points ?? null,
      initialPoints: null,
      createdAt: new Date(fields.createdAt),
      status: fields.status ?? 'To Do',
      initialStatus: null,
      resolvedAt: fields.resolvedAt ? new Date(fields.resolvedAt) : null,
      parentKey: null,
      hasHistory: false,
      fieldsDigest: randomUUID(),
      historyDigest: null,
    });
  }

  beforeAll(async () => {
    testApp = await createTestApp();
    const user = await createUser(testApp);
    workspace = await createWorkspace(testApp, user);
    viewer = await signIn(testApp, user);
    team = await createTeam(testApp, workspace);
    await insertItem({
      key: 'PAY-2',
      title: 'Refund flow',
      type: 'Story',
      status: 'Done',
      points: 3,
      createdAt: '2026-01-02T10:00:00.000Z',
      resolvedAt: '2026-02-01T10:00:00.000Z',
    });
    await insertItem({
      key: 'PAY-10',
      title: 'Checkout button',
      type: 'Bug',
      status: 'In Progress',
      points: null,
      createdAt: '2026-01-05T10:00:00.000Z',
    });
    await insertItem({
      key: 'PAY-9',
      title: 'Gift cards 100% off',
      type: 'Story',
      status: 'Done',
      points: 8,
      createdAt: '2026-01-03T10:00:00.000Z',
      resolvedAt: '2026-01-20T10:00:00.000Z',
    });
    await insertItem({
      key: 'OPS-1',
      title: 'Rotate the checkout keys',
      type: 'Task',
      status: 'To Do',
      points: 1,
      createdAt: '2026-01-04T10:00:00.000Z',
    });
    await insertItem({
      key: 'PAY-100',
      title: 'Wrong tax rounding',
      type: 'Bug',
      status: 'Done',
      points: 3,
      createdAt: '2026-01-01T10:00:00.000Z',
      resolvedAt: '2026-01-25T10:00:00.000Z',
    });
  }, 60_000);
  afterAll(async () => {
    await testApp.close();
  });

  async function keys(query: Record<string, string>): Promise<string[]> {
    const response = await viewer.get(list()).query(query).expect(200);
    return workItemPageSchema.parse(response.body).items.map((item) => item.key);
  }

  /** Every page of the list two items at a time. */
  async function pagedKeys(query: Record<string, string>): Promise<string[]> {
    const found: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await viewer
        .get(list())
        .query({ ...query, limit: '2', ...(cursor ? { cursor } : {}) })
        .expect(200);
      const page = workItemPageSchema.parse(response.body);
      found.push(...page.items.map((item) => item.key));
      cursor = page.nextCursor;
    } while (cursor);
    return found;
  }

  it('finds items by key or summary, ignoring case, with wildcards taken literally', async () => {
    expect(await keys({ q: 'pay-1' })).toEqual(['PAY-10', 'PAY-100']);
    expect(await keys({ q: 'CHECKOUT' })).toEqual(['PAY-10', 'OPS-1']);
    expect(await keys({ q: '100%' })).toEqual(['PAY-9']);
    expect(await keys({ q: '_' })).toEqual([]);
    expect(await keys({ q: 'checkout', type: 'Bug' })).toEqual(['PAY-10']);
  });

  it('orders by key naturally, status, finish date and estimate, either way, page after page', async () => {
    expect(await keys({})).toEqual(['PAY-10', 'OPS-1', 'PAY-9', 'PAY-2', 'PAY-100']);
    expect(await keys({ sort: 'key' })).toEqual(['OPS-1', 'PAY-2', 'PAY-9', 'PAY-10', 'PAY-100']);
    expect(await keys({ sort: 'key', order: 'desc' })).toEqual([
      'PAY-100',
      'PAY-10',
      'PAY-9',
      'PAY-2',
      'OPS-1',
    ]);
    expect(await keys({ sort: 'created', order: 'asc' })).toEqual([
      'PAY-100',
      'PAY-2',
      'PAY-9',
      'OPS-1',
      'PAY-10',
    ]);
    // Items not finished come last in both directions (among themselves in a stable order).
    const finished = await keys({ sort: 'finished' });
    expect(finished.slice(0, 3)).toEqual(['PAY-9', 'PAY-100', 'PAY-2']);
    expect(finished.slice(3).sort()).toEqual(['OPS-1', 'PAY-10']);
    const finishedLast = await keys({ sort: 'finished', order: 'desc' });
    expect(finishedLast.slice(0, 3)).toEqual(['PAY-2', 'PAY-100', 'PAY-9']);
    expect(finishedLast.slice(3).sort()).toEqual(['OPS-1', 'PAY-10']);
    // Likewise items without an estimate. PAY-100 and PAY-2 both have 3 points: they tie, and
    // ties go by id, which is random, so only their place as a pair is known.
    const byEstimate = await keys({ sort: 'estimate', order: 'desc' });
    expect(byEstimate[0]).toBe('PAY-9');
    expect(byEstimate.slice(1, 3).sort()).toEqual(['PAY-100', 'PAY-2']);
    expect(byEstimate.slice(3)).toEqual(['OPS-1', 'PAY-10']);
    // Equal statuses stay in one stable order (by id), so pages neither repeat nor skip them.
    const byStatus = workItemPageSchema.parse(
      (await viewer.get(list()).query({ sort: 'status' }).expect(200)).body,
    ).items;
    expect(byStatus.map((item) => item.status)).toEqual([
      'Done',
      'Done',
      'Done',
      'In Progress',
      'To Do',
    ]);
    const orders: Record<string, string>[] = [
      {},
      { sort: 'key' },
      { sort: 'key', order: 'desc' },
      { sort: 'finished' },
      { sort: 'finished', order: 'desc' },
      { sort: 'estimate' },
      { sort: 'estimate', order: 'desc' },
      { sort: 'status', order: 'desc' },
      { sort: 'key', q: 'pay' },
    ];
    for (const query of orders) {
      expect(await pagedKeys(query)).toEqual(await keys(query));
    }
  });

  it("lists the team's item types for the type filter", async () => {
    const response = await viewer.get(`${list()}/types`).expect(200);
    expect(workItemTypesSchema.parse(response.body)).toEqual({ types: ['Bug', 'Story', 'Task'] });
  });

  it('refuses a bad search, order or cursor with a 400 naming the field', async () => {
    const refused = async (query: Record<string, string>) =>
      problemSchema
        .parse((await viewer.get(list()).query(query).expect(400)).body)
        .errors?.map((error) => error.path);
    expect(await refused({ sort: 'priority' })).toEqual(['sort']);
    expect(await refused({ sort: 'key', order: 'up' })).toEqual(['order']);
    expect(await refused({ q: '   ' })).toEqual(['q']);
    expect(await refused({ q: 'x'.repeat(201) })).toEqual(['q']);
    const byKey = workItemPageSchema.parse(
      (await viewer.get(list()).query({ sort: 'key', limit: '2' }).expect(200)).body,
    );
    expect(await refused({ sort: 'estimate', limit: '2', cursor: byKey.nextCursor ?? '' })).toEqual(
      ['cursor'],
    );
  });

  it('links items to their Jira issues once a JSON import named the site, never for CSV only', async () => {
    const jsonTeam = await createTeam(testApp, workspace);
    await importFile(viewer, workspace, jsonTeam, { file: fixture('search-v3.json') });
    const base = `/api/workspaces/${workspace.slug}/teams/${jsonTeam.slug}/work-items`;
    const items = workItemPageSchema.parse((await viewer.get(base).expect(200)).body).items;
    const byKey = new Map(items.map((item): [string, WorkItemResponse] => [item.key, item]));
    expect(byKey.get('PAY-1')?.url).toBe('https://example.atlassian.net/browse/PAY-1');
    const detail = workItemDetailSchema.parse(
      (await viewer.get(`${base}/${byKey.get('PAY-4')?.id}`).expect(200)).body,
    );
    expect(detail.url).toBe('https://example.atlassian.net/browse/PAY-4');

    const csvTeam = await createTeam(testApp, workspace);
    await importFile(viewer, workspace, csvTeam, {
      file: fixture('all-fields.csv'),
      fileName: 'Jira.csv',
      format: 'jira-csv',
    });
    const csvItems = workItemPageSchema.parse(
      (
        await viewer
          .get(`/api/workspaces/${workspace.slug}/teams/${csvTeam.slug}/work-items`)
          .expect(200)
      ).body,
    ).items;
    expect(csvItems.map((item) => item.url)).toEqual([null, null, null]);
    // Items written before any import named the site have no link either.
    expect(
      workItemPageSchema.parse((await viewer.get(list()).expect(200)).body).items[0]?.url,
    ).toBeNull();
  });
  it('leaves out items Jira removed, from the list, a sprint’s items and the type filter, and answers 404 for one', async () => {
    const removedTeam = await createTeam(testApp, workspace);
    await importFile(viewer, workspace, removedTeam, { file: fixture('search-v3.json') });
    const teamPath = `/api/workspaces/${workspace.slug}/teams/${removedTeam.slug}`;
    const sprints = sprintPageSchema.parse(
      (await viewer.get(`${teamPath}/sprints`).expect(200)).body,
    ).items;
    const sprint = sprints.find(({ name }) => name === 'PAY Sprint 1');
    if (!sprint) throw new Error('the fixture has no PAY Sprint 1');
    const itemsOf = async (query: Record<string, string> = {}) =>
      workItemPageSchema.parse(
        (await viewer.get(`${teamPath}/work-items`).query(query).expect(200)).body,
      ).items;
    const inSprint = (await itemsOf({ sprint: sprint.id })).map(({ key }) => key);
    const bug = (await itemsOf({ type: 'Bug' }))[0];
    if (!bug) throw new Error('the fixture has no bug');
    expect(inSprint).toContain(bug.key);
    expect(
      workItemTypesSchema.parse((await viewer.get(`${teamPath}/work-items/types`).expect(200)).body)
        .types,
    ).toContain('Bug');

    // The sync's reconciliation found the fixture's only bug gone from Jira.
    await testApp.dataSource.query(
      `UPDATE work_item SET removed_at = '2026-03-02T12:00:00Z' WHERE team_id = $1 AND key = $2`,
      [removedTeam.id, bug.key],
    );
    expect((await itemsOf()).map(({ key }) => key)).not.toContain(bug.key);
    expect((await itemsOf({ sprint: sprint.id })).map(({ key }) => key)).toEqual(
      inSprint.filter((key) => key !== bug.key),
    );
    expect(await itemsOf({ type: 'Bug' })).toEqual([]);
    expect(
      workItemTypesSchema.parse((await viewer.get(`${teamPath}/work-items/types`).expect(200)).body)
        .types,
    ).not.toContain('Bug');
    const gone = await viewer.get(`${teamPath}/work-items/${bug.id}`).expect(404);
    expect(problemSchema.parse(gone.body).detail).toContain(`${bug.key} is no longer in Jira`);
  });
});
