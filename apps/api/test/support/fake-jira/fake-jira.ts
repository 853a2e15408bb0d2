import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A Jira written for the tests: plain `node:http` on a random loopback port, serving one
 * generated project in either REST shape — Cloud (`/rest/api/3`, basic auth with email + API
 * token, `search/jql` paged by `nextPageToken`) or Data Center (`/rest/api/2`, bearer personal
 * access token, `search` paged by `startAt`) — with long changelogs through
 * `/issue/{key}/changelog`, sprints through the Agile API, and the failures a sync must live
 * through: 429 with `Retry-After`, intermittent 500s, a revoked token, issues edited between
 * pages, and a latency per request. Paging is not a snapshot, as in Jira: each page is cut from
 * the issues as they are at that request. The JQL it understands: `project = X` and
 * `project in (X, Y)` (the key's prefix), `updated >= "…"`, `key in (…)`, and `ORDER BY key`
 * (otherwise the order is `updated`).
 */

export type FakeFlavour = 'cloud' | 'data-center';

export type FakeChange = {
  field: string;
  fieldtype: 'jira' | 'custom';
  fieldId: string;
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
};

export type FakeIssue = {
  key: string;
  type: string;
  summary: string;
  status: string;
  created: Date;
  updated: Date;
  resolved: Date | null;
  points: number | null;
  sprintIds: number[];
  histories: { id: number; created: Date; items: FakeChange[] }[];
};

export type FakeSprint = {
  id: number;
  name: string;
  state: 'future' | 'active' | 'closed';
  startDate: Date | null;
  endDate: Date | null;
  completeDate: Date | null;
  goal: string;
};

export type FakeJiraOptions = {
  flavour: FakeFlavour;
  email?: string;
  token: string;
  /** The account's time zone: JQL dates are read in it, as Jira does. */
  timeZone?: string;
  latencyMs?: number;
  /** Histories a search shows per issue before `/changelog` is needed (Jira: 40 on Cloud). */
  inlineHistories?: number;
  /**
   * The most issues a search page answers, whatever is asked (Jira's own limit: 5,000 on Cloud,
   * 1,000 by default on Data Center, where an admin may set it lower).
   */
  pageLimit?: number;
};

export const STORY_POINTS_FIELD = 'customfield_10016';
export const SPRINT_FIELD = 'customfield_10020';
export const BOARD_ID = 7;
const FILTER_ID = 10042;
const DONE = new Set(['Done']);

type Handler = (request: IncomingMessage, url: URL, body: unknown) => unknown;

export class FakeJira {
  readonly issues = new Map<string, FakeIssue>();
  readonly sprints = new Map<number, FakeSprint>();
  /** Every request, in arrival order (method and path with query). */
  readonly requests: string[] = [];
  /** Most search requests in flight at once. */
  maxConcurrentSearches = 0;
  latencyMs: number;
  /** The instant edits are stamped with (Jira's clock). */
  now = new Date('2026-03-02T09:00:00Z');
  /**
   * Called after each issue-search page was cut, before it is sent (edits between pages), with
   * the search it belongs to (a key listing asks for the `updated` field only).
   */
  onSearchPage: ((page: number, search: { jql: string; fields: string[] }) => void) | undefined;
  private searchesInFlight = 0;
  private searchPages = 0;
  private pendingFailures: { status: number; retryAfter?: string }[] = [];
  private failEvery = 0;
  private counter = 0;
  private token: string;
  private server: Server | undefined;
  private historyId = 1;
  /** The issues in search order, kept until one changes (sorting 20,000 per page is slow). */
  private ordered: FakeIssue[] | undefined;
  /** Each `updated` instant's JQL minute, by epoch ms (formatting it per issue per search is slow). */
  private readonly minutes = new Map<number, string>();
  url = '';
  private gate: Promise<void> | undefined;
  private held = 0;

  private readonly options: FakeJiraOptions;

  // No parameter properties: the benchmark loads this file with Node's own type stripping.
  constructor(options: FakeJiraOptions) {
    this.options = options;
    this.latencyMs = options.latencyMs ?? 0;
    this.token = options.token;
  }

  static async start(options: FakeJiraOptions): Promise<FakeJira> {
    const jira = new FakeJira(options);
    await jira.listen();
    return jira;
  }

  get apiVersion(): '2' | '3' {
    return this.options.flavour === 'cloud' ? '3' : '2';
  }

  get timeZone(): string {
    return this.options.timeZone ?? 'UTC';
  }

  /** The next `count` requests answer `status` (429 and 503 with `Retry-After: seconds`). */
  failNext(count: number, status: number, retryAfter?: string): void {
    for (let index = 0; index < count; index++) {
      this.pendingFailures.push({ status, ...(retryAfter === undefined ? {} : { retryAfter }) });
    }
  }

  /** Every `every`-th request answers 500 (0: never). */
  failIntermittently(every: number): void {
    this.failEvery = every;
  }

  /** The token stops working, as when an admin revokes it in Jira. */
  revokeToken(): void {
    this.token = `revoked-${Math.random()}`;
  }

  /** Jira takes this token from now on (the one an admin pasted after a revocation). */
  acceptToken(token: string): void {
    this.token = token;
  }

  /**
   * Every request from now on waits, before Jira looks at its credentials, until `release()`:
   * a sync caught in flight. `waiting` counts the requests held.
   */
  holdRequests(): { waiting(): number; release(): void } {
    let release = () => {};
    this.gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    return {
      waiting: () => this.held,
      release: () => {
        this.gate = undefined;
        release();
      },
    };
  }

  /** How many requests matched `pattern`. */
  count(pattern: RegExp): number {
    return this.requests.filter((request) => pattern.test(request)).length;
  }

  addSprint(sprint: FakeSprint): void {
    this.sprints.set(sprint.id, sprint);
  }

  /**
   * A deterministic project: `count` issues created an hour apart from `start`, each with
   * `historiesPerIssue` changelog entries (into a sprint, an estimate, then status moves), in
   * `sprintCount` two-week sprints.
   */
  generate({
    project = 'PAY',
    count,
    historiesPerIssue = 8,
    sprintCount = 4,
    start = new Date('2026-01-05T09:00:00Z'),
    createdUntil,
  }: {
    project?: string;
    count: number;
    historiesPerIssue?: number;
    sprintCount?: number;
    start?: Date;
    /** The last issue's creation; default a day before `now`. */
    createdUntil?: Date;
  }): void {
    const day = 86_400_000;
    for (let index = 0; index < sprintCount; index++) {
      const begins = new Date(start.getTime() + index * 14 * day);
      const ends = new Date(begins.getTime() + 14 * day);
      const closed = ends.getTime() <= this.now.getTime();
      this.addSprint({
        id: 100 + index,
        name: `${project} Sprint ${index + 1}`,
        state: closed ? 'closed' : begins.getTime() <= this.now.getTime() ? 'active' : 'future',
        startDate: begins,
        endDate: ends,
        completeDate: closed ? ends : null,
        goal: `Goal ${index + 1}`,
      });
    }
    const statuses = ['In Progress', 'In Review', 'In Progress', 'In Review', 'Done'];
    const span = Math.max(
      1,
      (createdUntil?.getTime() ?? this.now.getTime() - day) - start.getTime(),
    );
    for (let index = 0; index < count; index++) {
      const key = `${project}-${index + 1}`;
      // Spread over the span so sprints, cycle times and burndowns all have something.
      const created = new Date(start.getTime() + Math.floor((index * span) / count));
      const sprintIndex = Math.min(sprintCount - 1, Math.floor((index * sprintCount) / count));
      const sprintId = 100 + sprintIndex;
      const issue: FakeIssue = {
        key,
        type: index % 5 === 0 ? 'Bug' : 'Story',
        summary: `Issue ${index + 1} of ${project}`,
        status: 'To Do',
        created,
        updated: created,
        resolved: null,
        points: null,
        sprintIds: [],
        histories: [],
      };
      this.issues.set(key, issue);
      this.ordered = undefined;
      let at = created.getTime();
      const step = Math.max(60_000, Math.floor(day / 4) + (index % 7) * 3_600_000);
      for (let entry = 0; entry < historiesPerIssue; entry++) {
        at += step;
        if (at > this.now.getTime()) break;
        const when = new Date(at);
        if (entry === 0 && sprintCount > 0) this.moveToSprint(key, sprintId, when);
        else if (entry === 1) this.estimate(key, 1 + (index % 8), when);
        else {
          const next = statuses[(entry - 2) % statuses.length] as string;
          if (issue.status === 'Done') this.estimate(key, 2 + (index % 5), when);
          else this.transition(key, next, when);
        }
      }
    }
  }

  /** Moves the issue to `status` at `at` (default: `now`), recording the change. */
  transition(key: string, status: string, at: Date = this.now): void {
    const issue = this.issue(key);
    this.record(issue, at, {
      field: 'status',
      fieldtype: 'jira',
      fieldId: 'status',
      from: null,
      fromString: issue.status,
      to: null,
      toString: status,
    });
    issue.status = status;
    issue.resolved = DONE.has(status) ? at : null;
  }

  estimate(key: string, points: number | null, at: Date = this.now): void {
    const issue = this.issue(key);
    this.record(issue, at, {
      field: 'Story Points',
      fieldtype: 'custom',
      fieldId: STORY_POINTS_FIELD,
      from: null,
      fromString: issue.points === null ? null : String(issue.points),
      to: null,
      toString: points === null ? null : String(points),
    });
    issue.points = points;
  }

  moveToSprint(key: string, sprintId: number, at: Date = this.now): void {
    const issue = this.issue(key);
    const before = issue.sprintIds;
    const after = [...before.filter((id) => id !== sprintId), sprintId];
    const names = (ids: number[]) =>
      ids.map((id) => this.sprints.get(id)?.name ?? `Sprint ${id}`).join(', ');
    this.record(issue, at, {
      field: 'Sprint',
      fieldtype: 'custom',
      fieldId: SPRINT_FIELD,
      from: before.join(', '),
      fromString: names(before),
      to: after.join(', '),
      toString: names(after),
    });
    issue.sprintIds = after;
  }

  /** A new issue created at `now`. */
  create(key: string, summary: string): void {
    this.ordered = undefined;
    this.issues.set(key, {
      key,
      type: 'Story',
      summary,
      status: 'To Do',
      created: this.now,
      updated: this.now,
      resolved: null,
      points: null,
      sprintIds: [],
      histories: [],
    });
  }

  /** The issue leaves the project (deleted or moved): searches no longer find it. */
  remove(key: string): void {
    this.ordered = undefined;
    this.issues.delete(key);
  }

  private issue(key: string): FakeIssue {
    const issue = this.issues.get(key);
    if (!issue) throw new Error(`no fake issue ${key}`);
    return issue;
  }

  private record(issue: FakeIssue, at: Date, item: FakeChange): void {
    issue.histories.push({ id: this.historyId++, created: at, items: [item] });
    if (at > issue.updated) {
      issue.updated = at;
      this.ordered = undefined;
    }
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async listen(): Promise<void> {
    const server = createServer((request, response) => {
      this.handle(request, response).catch((error: unknown) => {
        response.statusCode = 500;
        response.end(JSON.stringify({ errorMessages: [String(error)] }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.url);
    const body = await readBody(request);
    this.requests.push(`${request.method} ${url.pathname}${url.search}`);
    const search = /\/search(\/jql)?$/.test(url.pathname);
    if (search) {
      this.searchesInFlight++;
      this.maxConcurrentSearches = Math.max(this.maxConcurrentSearches, this.searchesInFlight);
    }
    try {
      if (this.gate) {
        this.held++;
        await this.gate;
        this.held--;
      }
      if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
      if (!this.authorized(request)) {
        return send(response, 401, { errorMessages: ['You are not authenticated.'] });
      }
      const failure = this.pendingFailures.shift();
      if (failure) {
        if (failure.retryAfter !== undefined) response.setHeader('retry-after', failure.retryAfter);
        return send(response, failure.status, { errorMessages: ['Try again later.'] });
      }
      this.counter++;
      if (this.failEvery > 0 && this.counter % this.failEvery === 0) {
        return send(response, 500, { errorMessages: ['Internal server error'] });
      }
      const handler = this.route(request.method ?? 'GET', url.pathname);
      if (!handler) return send(response, 404, { errorMessages: ['Not found'] });
      return send(response, 200, handler(request, url, body));
    } finally {
      if (search) this.searchesInFlight--;
    }
  }

  private authorized(request: IncomingMessage): boolean {
    const header = request.headers.authorization ?? '';
    if (this.options.flavour === 'cloud') {
      const expected = Buffer.from(`${this.options.email ?? ''}:${this.token}`).toString('base64');
      return header === `Basic ${expected}`;
    }
    return header === `Bearer ${this.token}`;
  }

  private route(method: string, path: string): Handler | undefined {
    const api = `/rest/api/${this.apiVersion}`;
    if (method === 'GET' && path === `${api}/myself`) {
      return () => ({
        displayName: 'Sync Robot',
        emailAddress: this.options.email,
        timeZone: this.timeZone,
        active: true,
      });
    }
    if (method === 'GET' && path === `${api}/serverInfo`) {
      return () => ({
        version: this.options.flavour === 'cloud' ? '1001.0.0-SNAPSHOT' : '9.12.4',
        deploymentType: this.options.flavour === 'cloud' ? 'Cloud' : 'Server',
      });
    }
    if (method === 'GET' && path === `${api}/field`) return () => FIELDS;
    if (method === 'POST' && path === `${api}/search/jql` && this.options.flavour === 'cloud') {
      return (_request, _url, body) => this.searchCloud(body as SearchBody);
    }
    if (method === 'POST' && path === `${api}/search` && this.options.flavour === 'data-center') {
      return (_request, _url, body) => this.searchDataCenter(body as SearchBody);
    }
    const changelog = new RegExp(`^${api}/issue/([^/]+)/changelog$`).exec(path);
    if (method === 'GET' && changelog) {
      return (_request, url) => this.changelog(decodeURIComponent(changelog[1] as string), url);
    }
    if (method === 'GET' && path === `/rest/agile/1.0/board/${BOARD_ID}/configuration`) {
      return () => ({ id: BOARD_ID, name: 'Board', filter: { id: String(FILTER_ID) } });
    }
    if (method === 'GET' && path === `/rest/agile/1.0/board/${BOARD_ID}/sprint`) {
      return (_request, url) => this.boardSprints(url);
    }
    return undefined;
  }

  private select(jql: string): FakeIssue[] {
    let issues = /\border\s+by\s+key\b/i.test(jql) ? this.byKey() : this.inOrder();
    const projects = [...jql.matchAll(/project\s*(?:=\s*"?(\w+)"?|in\s*\(([^)]*)\))/gi)].flatMap(
      (match) =>
        (match[1] ?? match[2] ?? '').split(',').map((name) => name.trim().replace(/^"|"$/g, '')),
    );
    if (projects.length > 0) {
      const wanted = new Set(projects);
      issues = issues.filter((issue) => wanted.has(projectOf(issue.key)));
    }
    const since = /updated\s*>=\s*"([^"]+)"/i.exec(jql)?.[1];
    if (since !== undefined) {
      issues = issues.filter((issue) => this.minuteOf(issue.updated) >= since);
    }
    const keys = /key\s+in\s*\(([^)]*)\)/i.exec(jql)?.[1];
    if (keys !== undefined) {
      const wanted = new Set(keys.split(',').map((key) => key.trim().replace(/^"|"$/g, '')));
      issues = issues.filter((issue) => wanted.has(issue.key));
    }
    return issues;
  }

  /** Every issue ordered by `updated`, then key number (Jira's `ORDER BY updated`). */
  private inOrder(): FakeIssue[] {
    this.ordered ??= [...this.issues.values()].sort(
      (first, second) =>
        first.updated.getTime() - second.updated.getTime() ||
        Number(first.key.split('-')[1]) - Number(second.key.split('-')[1]),
    );
    return this.ordered;
  }

  /** Every issue ordered by key: project, then number (Jira's `ORDER BY key`). */
  private byKey(): FakeIssue[] {
    return [...this.issues.values()].sort(
      (first, second) =>
        projectOf(first.key).localeCompare(projectOf(second.key)) ||
        Number(first.key.split('-')[1]) - Number(second.key.split('-')[1]),
    );
  }

  private minuteOf(instant: Date): string {
    let minute = this.minutes.get(instant.getTime());
    if (minute === undefined) {
      minute = jqlMinute(instant, this.timeZone);
      this.minutes.set(instant.getTime(), minute);
    }
    return minute;
  }

  private searchCloud(body: SearchBody) {
    const offset = body.nextPageToken
      ? Number(Buffer.from(body.nextPageToken, 'base64url').toString())
      : 0;
    const size = Math.min(body.maxResults ?? 50, this.options.pageLimit ?? 5000);
    const all = this.select(body.jql ?? '');
    const page = all.slice(offset, offset + size);
    this.afterPage(body);
    const next = offset + page.length;
    return {
      issues: page.map((issue) => this.issueJson(issue, body)),
      ...(next < all.length
        ? { nextPageToken: Buffer.from(String(next)).toString('base64url') }
        : {}),
      isLast: next >= all.length,
      ...(wants(body, 'names') ? { names: NAMES } : {}),
    };
  }

  private searchDataCenter(body: SearchBody) {
    const startAt = body.startAt ?? 0;
    const size = Math.min(body.maxResults ?? 50, this.options.pageLimit ?? 1000);
    const all = this.select(body.jql ?? '');
    const page = all.slice(startAt, startAt + size);
    this.afterPage(body);
    return {
      startAt,
      maxResults: size,
      total: all.length,
      issues: page.map((issue) => this.issueJson(issue, body)),
      ...(wants(body, 'names') ? { names: NAMES } : {}),
    };
  }

  private afterPage(body: SearchBody): void {
    this.searchPages++;
    this.onSearchPage?.(this.searchPages, { jql: body.jql ?? '', fields: body.fields ?? [] });
  }

  private issueJson(issue: FakeIssue, body: SearchBody) {
    const fields = new Set(body.fields ?? []);
    const all = fields.size === 0 || fields.has('*all');
    const pick = (name: string, value: unknown) =>
      all || fields.has(name) ? { [name]: value } : {};
    const inline = this.options.inlineHistories ?? 40;
    const id = Number(issue.key.split('-')[1]);
    return {
      id: String(10_000 + id),
      key: issue.key,
      self: `${this.url}/rest/api/${this.apiVersion}/issue/${10_000 + id}`,
      fields: {
        ...pick('summary', issue.summary),
        ...pick('status', { name: issue.status }),
        ...pick('issuetype', { name: issue.type }),
        ...pick('created', jiraTime(issue.created)),
        ...pick('updated', jiraTime(issue.updated)),
        ...pick('resolutiondate', issue.resolved ? jiraTime(issue.resolved) : null),
        ...pick(STORY_POINTS_FIELD, issue.points),
        ...pick(
          SPRINT_FIELD,
          issue.sprintIds.length === 0
            ? null
            : issue.sprintIds.map((sprintId) =>
                this.sprintJson(this.sprints.get(sprintId) as FakeSprint),
              ),
        ),
        // Never stored by Bearing: present so a test can prove it.
        ...pick('assignee', { displayName: 'Alex Assignee', accountId: 'a-1' }),
      },
      ...(wants(body, 'changelog')
        ? {
            changelog: {
              startAt: 0,
              maxResults: inline,
              total: issue.histories.length,
              histories: issue.histories.slice(0, inline).map(historyJson),
            },
          }
        : {}),
    };
  }

  private sprintJson(sprint: FakeSprint) {
    return {
      id: sprint.id,
      name: sprint.name,
      state: sprint.state,
      boardId: BOARD_ID,
      goal: sprint.goal,
      ...(sprint.startDate ? { startDate: sprint.startDate.toISOString() } : {}),
      ...(sprint.endDate ? { endDate: sprint.endDate.toISOString() } : {}),
      ...(sprint.completeDate ? { completeDate: sprint.completeDate.toISOString() } : {}),
    };
  }

  private changelog(key: string, url: URL) {
    const issue = this.issues.get(key);
    if (!issue) return { startAt: 0, maxResults: 0, total: 0, isLast: true, values: [] };
    const startAt = Number(url.searchParams.get('startAt') ?? 0);
    const maxResults = Math.min(100, Number(url.searchParams.get('maxResults') ?? 100));
    const values = issue.histories.slice(startAt, startAt + maxResults).map(historyJson);
    const isLast = startAt + values.length >= issue.histories.length;
    return this.options.flavour === 'cloud'
      ? { startAt, maxResults, total: issue.histories.length, isLast, values }
      : { startAt, maxResults, total: issue.histories.length, histories: values };
  }

  private boardSprints(url: URL) {
    const startAt = Number(url.searchParams.get('startAt') ?? 0);
    const maxResults = Math.min(50, Number(url.searchParams.get('maxResults') ?? 50));
    const all = [...this.sprints.values()].sort((first, second) => first.id - second.id);
    const values = all
      .slice(startAt, startAt + maxResults)
      .map((sprint) => this.sprintJson(sprint));
    return { startAt, maxResults, isLast: startAt + values.length >= all.length, values };
  }

  /** The pages a full search returns now, as Jira's JSON export would hold them (for an import). */
  exportPages(): string {
    const all = this.select('');
    const body: SearchBody = { fields: [], expand: ['changelog', 'names'] };
    return JSON.stringify({
      startAt: 0,
      maxResults: all.length,
      total: all.length,
      names: NAMES,
      issues: all.map((issue) => {
        const json = this.issueJson(issue, body);
        return {
          ...json,
          changelog: {
            startAt: 0,
            maxResults: issue.histories.length,
            total: issue.histories.length,
            histories: issue.histories.map(historyJson),
          },
        };
      }),
    });
  }
}

type SearchBody = {
  jql?: string;
  fields?: string[];
  expand?: string | string[];
  nextPageToken?: string;
  startAt?: number;
  maxResults?: number;
};

const NAMES = { [STORY_POINTS_FIELD]: 'Story Points', [SPRINT_FIELD]: 'Sprint' };

const FIELDS = [
  { id: 'summary', name: 'Summary', custom: false, schema: { type: 'string' } },
  { id: 'status', name: 'Status', custom: false, schema: { type: 'status' } },
  { id: 'issuetype', name: 'Issue Type', custom: false, schema: { type: 'issuetype' } },
  { id: STORY_POINTS_FIELD, name: 'Story Points', custom: true, schema: { type: 'number' } },
  {
    id: SPRINT_FIELD,
    name: 'Sprint',
    custom: true,
    schema: { type: 'array', custom: 'com.pyxis.greenhopper.jira:gh-sprint' },
  },
];

function wants(body: SearchBody, expansion: string): boolean {
  const expand = Array.isArray(body.expand) ? body.expand : (body.expand ?? '').split(',');
  return expand.map((part) => part.trim()).includes(expansion);
}

function historyJson(history: FakeIssue['histories'][number]) {
  return {
    id: String(history.id),
    author: { displayName: 'Someone Editing', accountId: 'x-1' },
    created: jiraTime(history.created),
    items: history.items,
  };
}

/** The project of a key: `PAY` of `PAY-12`. */
function projectOf(key: string): string {
  return key.slice(0, key.lastIndexOf('-'));
}

/** Jira's timestamp form: `2026-01-05T09:00:00.000+0000`. */
export function jiraTime(instant: Date): string {
  return instant.toISOString().replace('Z', '+0000');
}

/** The instant as JQL names its minute in `timeZone` (`yyyy/MM/dd HH:mm`). */
function jqlMinute(instant: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    minuteFormat(timeZone)
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}/${parts.month}/${parts.day} ${parts.hour}:${parts.minute}`;
}

const minuteFormats = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone: building one per issue would make every search slow. */
function minuteFormat(timeZone: string): Intl.DateTimeFormat {
  let format = minuteFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    minuteFormats.set(timeZone, format);
  }
  return format;
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  if (chunks.length === 0) return undefined;
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.statusCode = status;
  response.setHeader('content-type', 'application/json');
  response.end(JSON.stringify(body));
}
