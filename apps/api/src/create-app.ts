import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import type { DataSource } from 'typeorm';
import { AppModule, type ExtraImports } from './app.module.js';
import { openApiDocumentOf } from './common/openapi/openapi-document.js';
import { ProblemFilter } from './common/problem/problem.filter.js';
import type { AppConfig } from './config/config.js';
import { resolveSecretKey } from './common/secrets/secret-key.js';
import {
  POINTS_UPLOAD_PATHS,
  pointsUploadBodyParsers,
} from './metrics/points/points-body-parser.js';
import { serveWebApp } from './web-app/serve-web-app.js';
import {
  JIRA_WEBHOOK_PATHS,
  jiraWebhookBodyParsers,
} from './jira-sync/webhooks/jira-webhook-body-parser.js';

/**
 * Builds the whole HTTP application — the same for `npm start` and for the integration tests,
 * which differ only in the config and data source they pass in.
 */
export async function createApp(
  config: AppConfig,
  dataSource: DataSource,
  extraImports: ExtraImports = [],
): Promise<NestExpressApplication> {
  const secretKey = await resolveSecretKey(config);
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(config, dataSource, secretKey, extraImports),
    {
      bufferLogs: true,
      bodyParser: false,
    },
  );
  app.useLogger(app.get(Logger));
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          // Mantine and the API docs page inject style attributes at run time.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'", 'data:'],
          frameAncestors: ["'none'"],
          // Bearing is often reached over plain http on a LAN; upgrading would break it there.
          upgradeInsecureRequests: null,
        },
      },
      referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    }),
  );
  // JSON answers and the page itself, compressed on the fly (brotli or gzip as the browser
  // accepts); hashed assets were compressed at build time and are skipped here. Answers smaller
  // than TCP's initial congestion window (10 segments, about 14 kB, RFC 6928) reach the browser
  // in the same round trip either way, so compressing them would only spend CPU: for a sprint
  // burndown (about 1 kB) it was a sixth of the request's time under load.
  app.use(
    compression({
      threshold: '14kb',
      filter: (request, response) =>
        !request.path.startsWith('/assets/') && compression.filter(request, response),
    }),
  );
  // Unsigned: the session cookie is a random secret looked up server-side, not data to trust.
  app.use(cookieParser());
  // Points uploads get their own, larger limit; mounted first, so the 1 MB parser skips them.
  app.use(POINTS_UPLOAD_PATHS, ...pointsUploadBodyParsers());
  // Jira's webhook bodies stay bytes: their signature is over exactly what was sent.
  app.use(JIRA_WEBHOOK_PATHS, ...jiraWebhookBodyParsers());
  app.useBodyParser('json', { limit: '1mb', type: ['application/json', 'application/*+json'] });
  app.setGlobalPrefix('api');
  app.useGlobalFilters(new ProblemFilter());
  serveWebApp(app);

  // Built from the routes' own zod schemas and response decorators (common/openapi), the same
  // document `npm run openapi` writes to docs/openapi.json; swagger-ui only serves it.
  const document = () => openApiDocumentOf(app).document as unknown as OpenAPIObject;
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/openapi.json',
    yamlDocumentUrl: 'api/openapi.yaml',
    customSiteTitle: 'Bearing API',
  });
  await app.init();
  return app;
}
