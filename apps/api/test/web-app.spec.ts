import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { WEB_APP_DIR } from '../src/web-app/serve-web-app.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * The built web app and the API as a browser receives them: hashed assets sent as the brotli
 * or gzip copy the build wrote, cached for a year; JSON and the page compressed on the fly
 * when larger than TCP's initial congestion window; nothing compressed for a client that does not ask. Needs the built app (`npm test` builds).
 */
const ASSETS = path.join(WEB_APP_DIR, 'assets');

/** The largest JavaScript chunk: the one compression matters most for. */
function largestScript(): string {
  const scripts = readdirSync(ASSETS).filter((name) => name.endsWith('.js'));
  const largest = scripts.sort(
    (first, second) =>
      statSync(path.join(ASSETS, second)).size - statSync(path.join(ASSETS, first)).size,
  )[0];
  if (!largest) throw new Error('the web app is not built: no script in its assets');
  return largest;
}

describe('serving the web app and the API compressed', () => {
  let testApp: TestApp;
  let base: string;

  beforeAll(async () => {
    testApp = await createTestApp();
    base = await testApp.listen();
  });
  afterAll(async () => {
    await testApp.close();
  });

  it.each([
    ['br, gzip', 'br'],
    ['gzip', 'gzip'],
  ])(
    'sends a hashed script precompressed for Accept-Encoding "%s", cached for a year',
    async (accepted, encoding) => {
      const script = largestScript();
      const response = await fetch(`${base}/assets/${script}`, {
        headers: { 'accept-encoding': accepted },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-encoding')).toBe(encoding);
      expect(response.headers.get('content-type')).toMatch(/javascript/);
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      // fetch decodes the body: it must be the script itself.
      expect(await response.text()).toBe(readFileSync(path.join(ASSETS, script), 'utf8'));
    },
  );

  it('sends a script as it is to a client that asks for no compression', async () => {
    const script = largestScript();
    const response = await fetch(`${base}/assets/${script}`, {
      headers: { 'accept-encoding': 'identity' },
    });
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(Number(response.headers.get('content-length'))).toBe(
      statSync(path.join(ASSETS, script)).size,
    );
  });

  it('compresses JSON answers on the fly', async () => {
    const response = await fetch(`${base}/api/openapi.json`, {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(((await response.json()) as { openapi?: string }).openapi).toMatch(/^3\./);
  });

  it('sends answers smaller than the initial congestion window as they are', async () => {
    // The page itself: a few kB, more than the 1 kB compression used to start at.
    const page = statSync(path.join(WEB_APP_DIR, 'index.html')).size;
    expect(page).toBeGreaterThan(1024);
    expect(page).toBeLessThan(14 * 1024);
    const response = await fetch(`${base}/`, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBeNull();
    expect((await response.text()).length).toBe(page);
  });
});
