import type { NestExpressApplication } from '@nestjs/platform-express';
import supertest from 'supertest';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../src/config/config.js';
import type { ExtraImports } from '../../src/app.module.js';
import { createApp } from '../../src/create-app.js';
import { dataSourceOptions } from '../../src/database/data-source-options.js';
import { checkResponsesAgainstOpenApi } from './openapi-responses.js';
import { createTestDatabase } from './test-database.js';

export type TestApp = {
  app: NestExpressApplication;
  dataSource: DataSource;
  /**
   * supertest bound to the app's HTTP server: real HTTP requests, no mocks. Every answer is
   * checked against the OpenAPI document (openapi-responses.ts), as are a `browser()`'s.
   */
  http: ReturnType<typeof supertest>;
  /** Base URL once `listen()` was called (browser tests). */
  listen(): Promise<string>;
  close(): Promise<void>;
};

export const testConfig: AppConfig = {
  port: 0,
  databaseUrl: undefined,
  dataDir: '/nonexistent',
  adminEmail: undefined,
  adminPassword: undefined,
  demo: false,
  logLevel: 'silent',
  role: 'all',
  publicUrl: 'http://bearing.test',
  // A fixed key: tests never write a key file, and sealed values stay readable across apps.
  secretKey: Buffer.alloc(32, 1),
  trustProxy: ['loopback'],
  requireMfa: 'off',
};

/**
 * The whole application on its own database, exactly as `npm start` builds it (plus any
 * test-only modules in `extraImports`).
 */
export async function createTestApp(
  overrides: Partial<AppConfig> = {},
  extraImports: ExtraImports = [],
): Promise<TestApp> {
  const database = await createTestDatabase();
  const dataSource = new DataSource(dataSourceOptions(database.url));
  await dataSource.initialize();
  const app = await createApp({ ...testConfig, ...overrides }, dataSource, extraImports);
  checkResponsesAgainstOpenApi(app);
  return {
    app,
    dataSource,
    http: supertest(app.getHttpServer()),
    listen: async () => {
      await app.listen(0, '127.0.0.1');
      const address = app.getHttpServer().address();
      if (typeof address !== 'object' || !address) throw new Error('server has no address');
      return `http://127.0.0.1:${address.port}`;
    },
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
