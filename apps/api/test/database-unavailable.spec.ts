import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { problemSchema } from '@bearing/contracts';
import net from 'node:net';
import supertest from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../src/create-app.js';
import { dataSourceOptions } from '../src/database/data-source-options.js';
import { browser, createUser, createWorkspace, type Browser } from './support/factories.js';
import { checkResponsesAgainstOpenApi } from './support/openapi-responses.js';
import type { TestApp } from './support/test-app.js';
import { testConfig } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

/**
 * An external database (`DATABASE_URL`) that goes away and comes back, simulated by a TCP proxy
 * between the app and PostgreSQL: while it is down, open connections are cut and new ones
 * refused. Requests then get 503 problem+json with Retry-After, never 500, and the pool serves
 * again once the database is reachable — nothing is restarted, nothing needs restarting.
 */
class TcpProxy {
  private server?: net.Server;
  private readonly sockets = new Set<net.Socket>();
  port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  async up(): Promise<void> {
    if (this.server) return;
    const server = net.createServer((client) => {
      const upstream = net.connect(this.targetPort, this.targetHost);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', resolve);
    });
    this.port = (server.address() as net.AddressInfo).port;
    this.server = server;
  }

  /** Refuses new connections and cuts the open ones, like a database server that died. */
  async down(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => server?.close(() => resolve()) ?? resolve());
  }
}

describe('an external database that becomes unreachable', () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let testApp: TestApp;
  let session: Browser;
  let slug: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const target = new URL(database.url);
    proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
    await proxy.up();
    const proxied = new URL(database.url);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(proxy.port);
    const dataSource = new DataSource(dataSourceOptions(proxied.toString()));
    await dataSource.initialize();
    const app = await createApp(testConfig, dataSource);
    checkResponsesAgainstOpenApi(app);
    testApp = {
      app,
      dataSource,
      http: supertest(app.getHttpServer()),
      listen: () => Promise.reject(new Error('not needed')),
      close: () => app.close(),
    };
    const user = await createUser(testApp);
    slug = (await createWorkspace(testApp, user)).slug;
    session = browser(testApp);
    await session
      .post('/api/auth/sign-in')
      .send({ email: user.email, password: user.password })
      .expect(200);
  });

  afterAll(async () => {
    await proxy.up();
    await testApp.close();
    await proxy.down();
    await database.drop();
  });

  it('answers 503 with Retry-After while it is down, and serves again once it is back', async () => {
    await session.get(`/api/workspaces/${slug}/teams`).expect(200);

    await proxy.down();
    // The first request meets pooled connections that were cut, later ones a refused connect.
    for (let attempt = 0; attempt < 3; attempt++) {
      const response = await session.get(`/api/workspaces/${slug}/teams`);
      expect(response.status).toBe(503);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.headers['retry-after']).toMatch(/^\d+$/);
      expect(problemSchema.parse(JSON.parse(response.text))).toMatchObject({
        status: 503,
        type: expect.stringMatching(/database-unavailable$/),
      });
    }
    expect((await testApp.http.get('/api/ready')).status).toBe(503);

    await proxy.up();
    await session.get(`/api/workspaces/${slug}/teams`).expect(200);
    await testApp.http.get('/api/ready').expect(200);
  });
});
