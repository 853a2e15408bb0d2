import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';
import expressStaticGzip from 'express-static-gzip';

/** The built single-page app (`apps/web/dist`), found relative to this file in src/ or dist/. */
export const WEB_APP_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../web/dist',
);

/**
 * Serves the built web app at `/`: hashed assets with long caching, and `index.html` for every
 * other GET outside `/api`, so client-side routes such as `/w/demo/teams/x` load on refresh.
 */
export function serveWebApp(app: NestExpressApplication, webAppDir = WEB_APP_DIR): void {
  const indexFile = path.join(webAppDir, 'index.html');
  if (!existsSync(indexFile)) return;
  // Hashed assets never change under their name: cached for a year, and sent as the brotli or
  // gzip file the build wrote beside each (vite-plugin-compression2), whichever the browser takes.
  app.use(
    '/assets',
    expressStaticGzip(path.join(webAppDir, 'assets'), {
      enableBrotli: true,
      orderPreference: ['br', 'gz'],
      serveStatic: { immutable: true, maxAge: '1y', fallthrough: false },
    }),
  );
  const serveFile = express.static(webAppDir, { index: false, maxAge: '1h' });
  // API routes never name a file of the web app: skipping them spares every API request a
  // file-system lookup.
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (isApiPath(request.path)) next();
    else void serveFile(request, response, next);
  });
  app.use((request: Request, response: Response, next: NextFunction) => {
    const isPageRequest =
      (request.method === 'GET' || request.method === 'HEAD') && !isApiPath(request.path);
    if (!isPageRequest) return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(indexFile);
  });
}

function isApiPath(requestPath: string): boolean {
  return requestPath === '/api' || requestPath.startsWith('/api/');
}
