import { Controller, Get, Module, Post } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import SwaggerParser from '@apidevtools/swagger-parser';
import { programSchema, workspaceSlugSchema } from '@bearing/contracts';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { Access } from '../src/access/access.decorator.js';
import {
  type BuiltDocument,
  buildOpenApiDocument,
  openApiDocumentOf,
} from '../src/common/openapi/openapi-document.js';
import { Returns } from '../src/common/openapi/openapi.decorators.js';
import { previewOpenApiDocument } from '../src/common/openapi/preview-document.js';
import { discoverRoutes } from '../src/common/openapi/route-discovery.js';
import { serializeOpenApiDocument } from '../src/common/openapi/serialize.js';
import { ZodParam } from '../src/common/validation/zod.pipe.js';
import { createTestApp, type TestApp } from './support/test-app.js';

type SwaggerDocument = Parameters<typeof SwaggerParser.validate>[0];

const COMMITTED = fileURLToPath(new URL('../../../docs/openapi.json', import.meta.url));

describe('the OpenAPI document (no database)', () => {
  let built: BuiltDocument;
  beforeAll(async () => {
    built = await previewOpenApiDocument();
  });

  it('is what docs/openapi.json holds — run `npm run openapi` after changing a route or contract', async () => {
    const committed = await readFile(COMMITTED, 'utf8');
    expect(serializeOpenApiDocument(built.document) === committed).toBe(true);
  });

  it('describes every route: parameters, body and responses, each with a schema', () => {
    expect(built.gaps).toEqual([]);
    const operations = Object.values(built.document.paths).flatMap((item) => Object.values(item));
    expect(operations.length).toBeGreaterThan(100);
    for (const operation of operations) {
      const success = Object.entries(operation.responses).filter(([status]) => status < '400');
      expect(success.length).toBeGreaterThan(0);
      for (const [status, response] of success) {
        // 204 and redirects (the single sign-on hops) carry no body; every other answer one schema.
        const bodyless = status === '204' || status.startsWith('3');
        if (!bodyless) expect(Object.values(response.content ?? {}).length).toBe(1);
      }
    }
  });

  it('is a valid OpenAPI 3.1 document', async () => {
    // The parser dereferences in place, so it gets a copy.
    const copy = structuredClone(built.document) as unknown as SwaggerDocument;
    await expect(SwaggerParser.validate(copy)).resolves.toBeDefined();
  });

  it('gives a route the refusals its access rule and inputs imply, with the problem schema', () => {
    const update = built.document.paths['/api/workspaces/{workspace}/programs/{id}']?.patch;
    expect(Object.keys(update?.responses ?? {})).toEqual([
      '200',
      '400',
      '401',
      '403',
      '404',
      '409',
      '413',
      '5XX',
    ]);
    expect(update?.responses['409']?.['x-problem-types']).toEqual([
      'https://bearing.dev/problems/stale-version',
    ]);
    expect(update?.responses['400']?.['x-problem-types']).toEqual([
      'https://bearing.dev/problems/validation',
      'https://bearing.dev/problems/http-400',
    ]);
    expect(update?.responses['404']?.content).toEqual({
      'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
    });
    expect(update?.security).toEqual([{ session: [] }, { apiToken: [] }]);
    const health = built.document.paths['/api/health']?.get;
    expect(health?.security).toEqual([]);
    expect(Object.keys(health?.responses ?? {})).toEqual(['200', '5XX']);
  });

  it('lists a route that declares no response, and a path parameter without a schema', () => {
    @Controller('undocumented/:thing')
    class UndocumentedController {
      @Get()
      @Access('public')
      read(): string {
        return 'no schema';
      }

      @Post(':other')
      @Access('public')
      @Returns(programSchema)
      write(@ZodParam('thing', workspaceSlugSchema) thing: string): string {
        return thing;
      }
    }
    const modules = new Map([
      ['probe', { controllers: new Map([['c', { metatype: UndocumentedController }]]) }],
    ]) as unknown as ModulesContainer;
    const { gaps } = buildOpenApiDocument(discoverRoutes(modules), '0.0.0');
    expect(gaps).toEqual([
      'GET /api/undocumented/:thing: no schema for the path parameter :thing',
      'GET /api/undocumented/:thing: no @Returns, @ReturnsNothing or @ReturnsContent',
      'POST /api/undocumented/:thing/:other: no schema for the path parameter :other',
    ]);
  });
});

/** A route whose handler breaks its own contract, to show the HTTP tests catch it. */
@Controller('openapi-probe')
class LyingController {
  @Get(':id')
  @Access('public')
  @Returns(z.object({ id: z.uuid(), name: z.string() }))
  get(@ZodParam('id', z.uuid()) id: string): unknown {
    return { id, name: 42 };
  }

  @Get()
  @Access('public')
  @Returns(z.object({ ok: z.boolean() }))
  list(): unknown {
    return { ok: true };
  }
}

@Module({ controllers: [LyingController] })
class LyingModule {}

describe('the OpenAPI document (served)', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp({}, [LyingModule]);
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('is served at /api/openapi.json exactly as built, and /api/docs shows it', async () => {
    const response = await testApp.http.get('/api/openapi.json').expect(200);
    expect(response.body).toEqual(
      JSON.parse(JSON.stringify(openApiDocumentOf(testApp.app).document)) as unknown,
    );
    // The running application finds the same routes as the preview without a database.
    const { document: preview } = await previewOpenApiDocument();
    expect(Object.keys(response.body.paths as object).sort()).toEqual(
      [...Object.keys(preview.paths), '/api/openapi-probe', '/api/openapi-probe/{id}'].sort(),
    );
    const docs = await testApp.http.get('/api/docs/').expect(200);
    expect(docs.text).toContain('swagger-ui');
  });

  it('fails a test whose response breaks the document, naming the field (createTestApp checks every answer)', async () => {
    await testApp.http.get('/api/openapi-probe').expect(200);
    const id = '7d0b8a5e-1f0c-4c8e-9a55-3f2b1e6c9d01';
    await expect(testApp.http.get(`/api/openapi-probe/${id}`).expect(200)).rejects.toThrow(
      /GET \/api\/openapi-probe\/[\w-]+ \(\/api\/openapi-probe\/\{id\}\) answered 200 with a body that does not match[\s\S]*\/name must be string/,
    );
    // A refusal is checked too — against the problem schema, and for being listed at all.
    await testApp.http.get('/api/openapi-probe/not-a-uuid').expect(400);
  });
});
