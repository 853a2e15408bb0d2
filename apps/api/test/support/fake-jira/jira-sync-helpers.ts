import { type SyncRun, syncRunPageSchema, syncRunSchema } from '@bearing/contracts';
import type { Browser, TestWorkspace } from '../factories.js';
import type { TestTeam } from '../delivery-factories.js';
import type { FakeJira } from './fake-jira.js';

/** The fake's secret: any response or log line that contains it leaked it. */
export const FAKE_TOKEN = 'ATATT3xFfGF0-fake-jira-token-never-shown';
export const FAKE_EMAIL = 'sync-robot@example.com';

/** `POST …/jira-connections` for the fake; answers the connection's id. */
export async function connectFake(
  agent: Browser,
  workspace: TestWorkspace,
  jira: FakeJira,
  name = 'Fake Jira',
): Promise<string> {
  const cloud = jira.apiVersion === '3';
  const response = await agent
    .post(`/api/workspaces/${workspace.slug}/jira-connections`)
    .send({
      name,
      baseUrl: jira.url,
      flavour: cloud ? 'cloud' : 'data-center',
      ...(cloud ? { email: FAKE_EMAIL } : {}),
      secret: FAKE_TOKEN,
    })
    .expect(201);
  return (response.body as { id: string }).id;
}

/** `PUT …/teams/:team/source` with the fake's fields and the fixture workflow's statuses. */
export async function putSource(
  agent: Browser,
  workspace: TestWorkspace,
  team: TestTeam,
  body: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const response = await agent
    .put(`/api/workspaces/${workspace.slug}/teams/${team.slug}/source`)
    .send({ storyPointsField: 'customfield_10016', ...body })
    .expect(200);
  return response.body as Record<string, unknown>;
}

/** "Sync now", then polls the run until it ended. */
export async function syncNow(
  agent: Browser,
  workspace: TestWorkspace,
  team: TestTeam,
): Promise<SyncRun> {
  const response = await agent
    .post(`/api/workspaces/${workspace.slug}/teams/${team.slug}/source/sync`)
    .expect(202);
  return waitForRun(agent, workspace, team, syncRunSchema.parse(response.body).id);
}

/** Polls the team's runs until `runId` is no longer queued or running. */
export async function waitForRun(
  agent: Browser,
  workspace: TestWorkspace,
  team: TestTeam,
  runId: string,
): Promise<SyncRun> {
  // Generous: a queue worker picks the job up within a second or two, slower on a loaded machine.
  const deadline = Date.now() + 120_000;
  for (;;) {
    const response = await agent
      .get(`/api/workspaces/${workspace.slug}/teams/${team.slug}/source/runs?limit=200`)
      .expect(200);
    const run = syncRunPageSchema.parse(response.body).items.find((item) => item.id === runId);
    if (run && run.status !== 'queued' && run.status !== 'running') return run;
    if (Date.now() > deadline)
      throw new Error(`sync run ${runId} still ${run?.status ?? 'missing'}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A response with its ids (which differ between two teams holding the same data) left out. */
export function withoutIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutIds);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== 'id' && !key.endsWith('Id'))
        .map(([key, item]) => [key, withoutIds(item)]),
    );
  }
  return value;
}
