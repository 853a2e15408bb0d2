import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { healthResponseSchema, problemSchema, readinessResponseSchema } from '@bearing/contracts';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('health, readiness and errors over HTTP', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('answers liveness with the version', async () => {
    const response = await testApp.http.get('/api/health').expect(200);
    expect(healthResponseSchema.parse(response.body).version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('is ready once the database answers and every migration is applied', async () => {
    const response = await testApp.http.get('/api/ready').expect(200);
    const body = readinessResponseSchema.parse(response.body);
    expect(body.migrations.applied).toBeGreaterThan(0);
  });

  it('is not ready, as a 503 problem, when a migration is missing', async () => {
    const { dataSource } = testApp;
    const [last] = await dataSource.query(
      `SELECT id, name FROM migrations ORDER BY id DESC LIMIT 1`,
    );
    await dataSource.query(`DELETE FROM migrations WHERE id = $1`, [last.id]);
    try {
      const response = await testApp.http.get('/api/ready').expect(503);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(problemSchema.parse(response.body).detail).toMatch(/1 database migration/);
    } finally {
      await dataSource.query(`INSERT INTO migrations (id, timestamp, name) VALUES ($1, $2, $3)`, [
        last.id,
        Number(String(last.name).match(/\d+$/)?.[0]),
        last.name,
      ]);
    }
  });

  it('answers an unknown API route with a 404 problem+json', async () => {
    const response = await testApp.http.get('/api/does-not-exist').expect(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = problemSchema.parse(JSON.parse(response.text));
    expect(problem).toMatchObject({
      status: 404,
      title: 'Not Found',
      instance: '/api/does-not-exist',
    });
    expect(problem.requestId).toBe(response.headers['x-request-id']);
  });

  it('answers malformed JSON with a 400 problem and no stack trace', async () => {
    const response = await testApp.http
      .post('/api/health')
      .set('content-type', 'application/json')
      .send('{"broken":')
      .expect(400);
    const problem = problemSchema.parse(JSON.parse(response.text));
    expect(problem.status).toBe(400);
    expect(response.text).not.toMatch(/at .*\.js:\d+/);
  });

  it('keeps a well-formed caller request id and makes one otherwise', async () => {
    const kept = await testApp.http.get('/api/health').set('X-Request-Id', 'trace-123');
    expect(kept.headers['x-request-id']).toBe('trace-123');
    const made = await testApp.http.get('/api/health').set('X-Request-Id', 'bad id with spaces');
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends security headers', async () => {
    const response = await testApp.http.get('/api/health');
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('publishes the OpenAPI document and a docs page', async () => {
    const document = await testApp.http.get('/api/openapi.json').expect(200);
    expect(document.body.openapi).toMatch(/^3\./);
    expect(Object.keys(document.body.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/ready']),
    );
    const page = await testApp.http.get('/api/docs').expect(200);
    expect(page.text).toContain('swagger');
  });
});
