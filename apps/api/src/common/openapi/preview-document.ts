import { NestFactory } from '@nestjs/core';
import type { DataSource } from 'typeorm';
import { AppModule } from '../../app.module.js';
import type { AppConfig } from '../../config/config.js';
import { type BuiltDocument, openApiDocumentOf } from './openapi-document.js';

/** Enough configuration to assemble the modules; nothing is started or connected. */
const PREVIEW_CONFIG: AppConfig = {
  port: 0,
  databaseUrl: undefined,
  dataDir: '/nonexistent',
  adminEmail: undefined,
  adminPassword: undefined,
  demo: false,
  logLevel: 'silent',
  role: 'web',
  publicUrl: 'http://localhost',
  secretKey: undefined,
  trustProxy: ['loopback'],
  requireMfa: 'off',
};

/**
 * The application's OpenAPI document without a database: Nest's preview mode assembles the
 * module graph (and so finds every controller) without instantiating a provider, so the data
 * source is never opened and the job queue never started.
 */
export async function previewOpenApiDocument(): Promise<BuiltDocument> {
  const unopened = { options: { url: 'postgres://preview.invalid/bearing' } } as DataSource;
  const secretKey = { id: 'preview', key: Buffer.alloc(32) };
  const app = await NestFactory.create(AppModule.forRoot(PREVIEW_CONFIG, unopened, secretKey), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  try {
    return openApiDocumentOf(app);
  } finally {
    await app.close();
  }
}
