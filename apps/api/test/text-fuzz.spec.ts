import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Controller, Get, Logger, Module, Query } from '@nestjs/common';
import { PROBLEM_CONTENT_TYPE, problemSchema } from '@bearing/contracts';
import { DataSource } from 'typeorm';
import type { z } from 'zod';
import { makeInstanceAdmin } from '../src/accounts/user-admin.repository.js';
import { Access } from '../src/access/access.decorator.js';
import {
  createTeam,
  fixture,
  importFile,
  type TestTeam,
  uploadImport,
} from './support/delivery-factories.js';
import {
  type Browser,
  browser,
  createMember,
  createToken,
  createUser,
  createWorkspace,
  signIn,
  type TestWorkspace,
} from './support/factories.js';
import { createMetric } from './support/okr-factories.js';
import { routeSchemas, type RouteSchemas } from './support/route-schemas.js';
import { registeredRoutes, request, type RegisteredRoute } from './support/routes.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { isValidSample, sampleOf, stringPaths, withStringAt } from './support/zod-samples.js';

/**
 * Text no database column can hold — NUL, an unpaired UTF-16 surrogate — or no URL can carry
 * cleanly (`%00`, a broken UTF-8 escape) is refused at the edge with a 4xx on every route, never
 * a 500. The routes, and the schemas of their bodies and query strings, are read from the running
 * application, so a new route or field is fuzzed without anyone listing it here. The caller is a
 * workspace admin and an instance admin, so access rules are not what stops a request.
 */

/** What goes into a JSON string field: NUL, and the first half of 🙂 without its second half. */
const BAD_TEXT = [
  { label: 'NUL', spoil: (value: string) => `${value}\u0000` },
  { label: 'lone surrogate', spoil: (value: string) => `${value}\ud83d` },
];

/**
 * What goes into a path segment or query value, already percent-encoded as it travels: NUL, and
 * the UTF-8-style bytes of a lone surrogate (no valid UTF-8 holds one) or of a cut character.
 */
const BAD_URL_TEXT = [
  { label: '%00', encoded: '%00' },
  { label: 'NUL after text', encoded: 'a%00b' },
  { label: 'lone surrogate', encoded: '%ED%A0%BD' },
  { label: 'broken UTF-8', encoded: '%F0%9F' },
];

/** Slugs no workspace can have, beyond broken text: too long, or characters a slug never has. */
const IMPOSSIBLE_SLUGS = [
  ...BAD_URL_TEXT.map(({ encoded }) => encoded),
  'a'.repeat(64),
  'Not%20a%20slug!',
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const withoutCursor = ({ cursor: _, ...query }: Record<string, unknown>) => query;

/** Runs `tasks` with at most `width` under way at once, answers in order. */
async function inParallel<Result>(
  tasks: (() => Promise<Result>)[],
  width: number,
): Promise<Result[]> {
  const results: Result[] = [];
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]!();
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  return results;
}

type Attempt = {
  route: string;
  what: string;
  status: number;
  type?: unknown;
  /** For a spoiled field of an otherwise valid body: whether the 400 named it. */
  namesField?: boolean;
};

describe('text at the edge', () => {
  let testApp: TestApp;
  let admin: Browser;
  let workspaceSlug: string;
  let adminId: string;
  let routes: { route: RegisteredRoute; schemas: RouteSchemas }[];
  /** Records created through the routes themselves, by the collection path that created them. */
  const created = new Map<string, Record<string, unknown>>();

  beforeAll(async () => {
    testApp = await createTestApp();
    const user = await createUser(testApp);
    await makeInstanceAdmin(testApp.dataSource.manager, user.id);
    workspaceSlug = (await createWorkspace(testApp, user)).slug;
    adminId = user.id;
    admin = await signIn(testApp, user);
    routes = registeredRoutes(testApp.app).map((route) => ({
      route,
      schemas: routeSchemas(route),
    }));
    await createThroughCollections();
  }, 60_000);
  afterAll(async () => {
    await testApp.close();
  });

  const label = (route: RegisteredRoute) => `${route.method} ${route.path}`;

  /**
   * Real records to fuzz against: each `POST` to a collection that some route addresses by id
   * (`…/programs` for `…/programs/:id`) gets a sample body. A second round creates what needed
   * records of the first (a program names teams, a key result its objective).
   */
  async function createThroughCollections(): Promise<void> {
    const collections = routes
      .filter(({ route, schemas }) => route.method === 'POST' && schemas.body !== undefined)
      .filter(({ route }) => routes.some((other) => collectionOf(other.route.path) === route.path))
      .sort((a, b) => a.route.path.split('/').length - b.route.path.split('/').length);
    for (let round = 0; round < 2; round++) {
      for (const { route, schemas } of collections.filter(
        ({ route }) => !created.has(route.path),
      )) {
        const response = await request(admin, 'POST', validPath(route, schemas)).send(
          bodyFor(route, schemas.body!) as object,
        );
        if (response.status < 300 && typeof response.body === 'object') {
          created.set(route.path, response.body as Record<string, unknown>);
        }
      }
    }
  }

  /**
   * A sample body whose ids name records that exist where the fuzz created one; an optional id
   * that names nothing (a parent objective, say) is left out.
   */
  function bodyFor(route: RegisteredRoute, schema: z.ZodType): unknown {
    const body = withKnownIds(sampleOf(schema), route.path);
    if (body === null || typeof body !== 'object' || Array.isArray(body)) return body;
    const known = new Set([...created.values()].map((record) => record.id));
    return Object.fromEntries(
      Object.entries(body).filter(
        ([key, value]) =>
          !(
            typeof value === 'string' &&
            UUID.test(value) &&
            !known.has(value) &&
            value !== adminId
          ) || !isValidSample(schema, { ...body, [key]: undefined }),
      ),
    );
  }

  function withKnownIds(
    value: unknown,
    routePath: string,
    field?: string,
    kind?: unknown,
  ): unknown {
    if (Array.isArray(value)) return value.map((item) => withKnownIds(item, routePath, field));
    if (typeof value === 'string') {
      if (field === 'workspace') return workspaceSlug;
      if (!field || !UUID.test(value)) return value;
      const stem = field === 'id' && typeof kind === 'string' ? kind : field.replace(/Ids?$/, '');
      return knownId(stem, routePath) ?? value;
    }
    if (value === null || typeof value !== 'object') return value;
    const object = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.entries(object).map(([key, item]) => [
        key,
        withKnownIds(item, routePath, key, object.kind),
      ]),
    );
  }

  /** The id of a created record of kind `stem` (`team`, `objective`…), the nearest to `routePath`. */
  function knownId(stem: string, routePath: string): string | undefined {
    if (stem === 'owner' || stem === 'user') return adminId;
    const candidates = [...created.entries()]
      .filter(([collection]) => collection.endsWith(`/${stem}s`))
      .sort(([a], [b]) => sharedPrefix(b, routePath) - sharedPrefix(a, routePath));
    const id = candidates[0]?.[1].id;
    return typeof id === 'string' ? id : undefined;
  }

  function sharedPrefix(a: string, b: string): number {
    let length = 0;
    while (length < a.length && a[length] === b[length]) length++;
    return length;
  }

  /** The collection path in front of a route's last `:param`, e.g. `/api/…/programs`. */
  function collectionOf(path: string): string | undefined {
    const match = /^(.*)\/:\w+$/.exec(path);
    return match?.[1];
  }

  /** A value for `:name` in `path`: a created record's, else one its schema accepts. */
  function validParam(path: string, name: string, schemas: RouteSchemas): string {
    if (name === 'workspace') return workspaceSlug;
    const collection = path.slice(0, path.indexOf(`/:${name}`));
    const record = created.get(collection);
    const fromRecord = record?.[name] ?? record?.id;
    if (typeof fromRecord === 'string') return encodeURIComponent(fromRecord);
    const schema = schemas.params[name];
    const value = schema ? sampleOf(schema) : 'sample';
    return encodeURIComponent(String(value));
  }

  function validPath(route: RegisteredRoute, schemas: RouteSchemas, spoiled?: string): string {
    return route.path.replace(/:(\w+)/g, (_, name: string) =>
      name === spoiled ? '\u0000' : validParam(route.path, name, schemas),
    );
  }

  /** Every spoiled request of one route, each ready to send. */
  function spoiledRequests({
    route,
    schemas,
  }: (typeof routes)[number]): (() => Promise<Attempt>)[] {
    const attempts: (() => Promise<Attempt>)[] = [];
    const send = (what: string, url: string, body?: unknown, query?: string, field?: string) => {
      attempts.push(async () => {
        const call = request(admin, route.method, query ? `${url}?${query}` : url);
        const response = await (body === undefined ? call : call.send(body as object));
        const errors = (response.body as { errors?: { path?: unknown }[] }).errors ?? [];
        const named = errors.some((error) => error.path === field);
        return {
          route: label(route),
          what,
          status: response.status,
          type: response.body?.type,
          ...(field === undefined ? {} : { namesField: named }),
        };
      });
    };

    for (const name of route.path.match(/:(\w+)/g)?.map((param) => param.slice(1)) ?? []) {
      for (const bad of BAD_URL_TEXT) {
        const url = validPath(route, schemas, name).replace('\u0000', bad.encoded);
        send(`:${name} = ${bad.label}`, url, schemas.body && bodyFor(route, schemas.body));
      }
    }

    const url = validPath(route, schemas);
    if (schemas.body) {
      const body = bodyFor(route, schemas.body);
      // Only a body that is valid but for the spoiled field must be refused for that field.
      const valid = isValidSample(schemas.body, body);
      for (const path of stringPaths(body)) {
        for (const bad of BAD_TEXT) {
          const spoiled = withStringAt(body, path, bad.spoil);
          const field = valid ? path.join('.') : undefined;
          send(`body ${path.join('.')} + ${bad.label}`, url, spoiled, undefined, field);
        }
      }
    }
    if (schemas.query) {
      // The sample cursor is no real position, so it is left out unless it is the one spoiled.
      const query = withKnownIds(sampleOf(schemas.query), route.path) as Record<string, unknown>;
      for (const key of Object.keys(query)) {
        for (const bad of BAD_URL_TEXT) {
          const spoiled = { ...withoutCursor(query), [key]: null };
          const search = Object.entries(spoiled)
            .map(([name, value]) =>
              value === null
                ? `${name}=${bad.encoded}`
                : `${name}=${encodeURIComponent(JSON.stringify(value).replace(/^"|"$/g, ''))}`,
            )
            .join('&');
          send(`?${key} = ${bad.label}`, url, schemas.body && bodyFor(route, schemas.body), search);
        }
      }
    }
    return attempts;
  }

  it('finds the routes and derives most request bodies that pass validation', () => {
    const withBody = routes.filter(({ schemas }) => schemas.body);
    expect(routes.length).toBeGreaterThan(50);
    expect(withBody.length).toBeGreaterThan(20);
    const valid = withBody.filter(({ schemas }) =>
      isValidSample(schemas.body!, sampleOf(schemas.body!)),
    );
    // A sample that fails a cross-field rule still gets fuzzed, but proves less: keep them rare.
    expect(valid.length / withBody.length).toBeGreaterThan(0.8);
  });

  it('answers NUL, lone surrogates and broken escapes in every path parameter, body and query field with a 4xx', async () => {
    const loggedErrors = jest.spyOn(Logger.prototype, 'error');
    let attempts: Attempt[];
    try {
      attempts = await inParallel(routes.flatMap(spoiledRequests), 8);
    } finally {
      loggedErrors.mockRestore();
    }
    expect(attempts.length).toBeGreaterThan(800);
    const serverErrors = attempts.filter(({ status }) => status >= 500);
    expect(serverErrors).toEqual([]);
    // The database's own refusal is only a safety net: validation must have stopped them first.
    const reachedDatabase = attempts.filter(({ type }) =>
      String(type).endsWith('/unstorable-text'),
    );
    expect(reachedDatabase).toEqual([]);
    const unnamed = attempts.filter(({ namesField }) => namesField === false);
    expect(unnamed).toEqual([]);
    // Nothing of this is worth a stack trace in the log.
    expect(loggedErrors).not.toHaveBeenCalled();
  }, 120_000);

  it('answers a workspace slug no workspace can have with 404, and a broken id with 400', async () => {
    for (const slug of IMPOSSIBLE_SLUGS) {
      const response = await admin.get(`/api/workspaces/${slug}/programs`).expect(404);
      expect(response.headers['content-type']).toMatch(PROBLEM_CONTENT_TYPE);
      expect(response.body.detail).toBe('There is no such workspace you are a member of.');
    }
    for (const id of ['%00', 'a%00b', 'not-a-uuid']) {
      await admin.get(`/api/workspaces/${workspaceSlug}/programs/${id}`).expect(400);
    }
  });

  it('treats a session cookie holding NUL as no session at all', async () => {
    await browser(testApp).get('/api/me').set('Cookie', 'bearing_session=a%00b').expect(401);
  });

  it('refuses a spoiled field with a 400 that names it', async () => {
    const spoilable = routes.find(
      ({ route }) =>
        route.method === 'POST' && route.path === '/api/workspaces/:workspace/programs',
    )!;
    const body = bodyFor(spoilable.route, spoilable.schemas.body!) as Record<string, unknown>;
    const response = await admin
      .post(`/api/workspaces/${workspaceSlug}/programs`)
      .send({ ...body, description: 'Launch\u0000' })
      .expect(400);
    expect(response.headers['content-type']).toMatch(PROBLEM_CONTENT_TYPE);
    expect(response.body.errors).toEqual([
      { path: 'description', message: expect.stringMatching(/NUL/) },
    ]);
  });
});

/** A route that hands a query value to PostgreSQL unvalidated, as a forgotten schema would. */
@Controller('workspaces/:workspace/unvalidated-text')
class UnvalidatedTextController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @Access({ workspaceRole: 'viewer' })
  async echo(@Query('value') value: string): Promise<{ value: string }> {
    const rows: { value: string }[] = await this.dataSource.query('SELECT $1::text AS value', [
      value,
    ]);
    return rows[0]!;
  }
}

@Module({ controllers: [UnvalidatedTextController] })
class UnvalidatedTextModule {}

/** `value` with every string that `shouldSpoil(key, object)` picks passed through `spoil`. */
function spoilTexts(
  value: unknown,
  shouldSpoil: (key: string, object: Record<string, unknown>) => boolean,
  spoil: (text: string) => string,
): unknown {
  if (Array.isArray(value)) return value.map((item) => spoilTexts(item, shouldSpoil, spoil));
  if (value === null || typeof value !== 'object') return value;
  const object = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(object).map(([key, item]) => [
      key,
      typeof item === 'string' && shouldSpoil(key, object)
        ? spoil(item)
        : spoilTexts(item, shouldSpoil, spoil),
    ]),
  );
}

describe('text in files, uploads and past validation', () => {
  let testApp: TestApp;
  let workspace: TestWorkspace;
  let admin: Browser;
  let team: TestTeam;
  const url = (path: string) => `/api/workspaces/${workspace.slug}/${path}`;
  const fieldErrors = (body: unknown) => problemSchema.parse(body).errors ?? [];

  beforeAll(async () => {
    testApp = await createTestApp({}, [UnvalidatedTextModule]);
    const user = await createUser(testApp);
    workspace = await createWorkspace(testApp, user);
    admin = await signIn(testApp, user);
    team = await createTeam(testApp, workspace);
    await createMetric(testApp, workspace, { key: 'home-ctr' });
  }, 60_000);
  afterAll(async () => {
    await testApp.close();
  });

  it('imports a Jira export whose texts hold NUL and lone surrogates, storing them cleaned', async () => {
    const page = JSON.parse(fixture('search-v3.json').toString('utf8'));
    // Summaries, names (status, type, sprint), sprint goals and the status names of the history.
    const texts = new Set(['summary', 'name', 'goal', 'displayName']);
    const spoiled = spoilTexts(
      page,
      (key, object) =>
        texts.has(key) ||
        (object.field === 'status' && (key === 'fromString' || key === 'toString')),
      (value) => `${value}\u0000\ud83d`,
    );
    const file = Buffer.from(JSON.stringify(spoiled));
    await uploadImport(admin, workspace, team, { file, dryRun: true }).expect(200);
    const job = await importFile(admin, workspace, team, { file });
    expect({ status: job.status, problems: job.result?.problems }).toEqual({
      status: 'completed',
      problems: [],
    });
    const titles: { title: string }[] = await testApp.dataSource.query(
      'SELECT title FROM work_item WHERE team_id = $1',
      [team.id],
    );
    expect(titles.length).toBeGreaterThan(0);
    for (const { title } of titles) {
      expect(title.includes('\u0000')).toBe(false);
      expect(title.endsWith('\uFFFD')).toBe(true);
    }
  });

  it('refuses a multipart file name with NUL, and stores a broken one as U+FFFD', async () => {
    const file = fixture('search-v3.json');
    const nul = await uploadImport(admin, workspace, team, {
      file,
      fileName: 'export\u0000.json',
      dryRun: true,
    });
    expect(nul.status).toBe(400);
    const broken = await uploadImport(admin, workspace, team, {
      file,
      fileName: 'export\ud83d.json',
      dryRun: true,
    }).expect(200);
    expect(broken.body.fileName).toBe('export\uFFFD.json');
  });

  it('refuses metric points with NUL or lone surrogates, naming the line or entry', async () => {
    const csv = await admin
      .post(url('metric-points'))
      .set('Content-Type', 'text/csv')
      .send('metric,timestamp,value\nhome\u0000-ctr,2026-01-05,1\nhome-ctr,2026-01-05\u0000,1\n')
      .expect(400);
    expect(fieldErrors(csv.body).map(({ path }) => path)).toEqual([
      'line.2.metric',
      'line.3.timestamp',
    ]);
    const json = await admin
      .post(url('metric-points'))
      .send([{ metric: 'home-ctr', timestamp: '2026-01-05\ud83d', value: 1 }])
      .expect(400);
    expect(fieldErrors(json.body).map(({ path }) => path)).toEqual(['0.timestamp']);
  });

  it('answers text that slipped past validation to the database with a 400, logging no error', async () => {
    // Plain fetch: this test-only route is in no API document that supertest's checks could read.
    const base = await testApp.listen();
    const owner = await createMember(testApp, workspace, 'viewer');
    const token = await createToken(testApp, owner, workspace, 'read');
    const get = (value: string) =>
      fetch(`${base}${url(`unvalidated-text?value=${value}`)}`, {
        headers: { Authorization: `Bearer ${token.secret}` },
      });
    const errors = jest.spyOn(Logger.prototype, 'error');
    try {
      const refused = await get('a%00b');
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as { type: string }).type).toBe(
        'https://bearing.dev/problems/unstorable-text',
      );
      const stored = await get('ok');
      expect({ status: stored.status, body: await stored.json() }).toEqual({
        status: 200,
        body: { value: 'ok' },
      });
      expect(errors).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
    }
  });
});
