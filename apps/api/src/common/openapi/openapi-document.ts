import type { INestApplicationContext } from '@nestjs/common';
import { HTTP_CODE_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import { ModulesContainer, Reflector } from '@nestjs/core';
import * as contracts from '@bearing/contracts';
import { STATUS_CODES } from 'node:http';
import type { z } from 'zod';
import {
  Access,
  type AccessRule,
  OpenBeforeMfaEnrolment,
  OpenBeforePasswordChange,
} from '../../access/access.decorator.js';
import { hasAtLeast, TOKEN_SCOPE_CEILING } from '../../access/roles.js';
import { SESSION_COOKIE } from '../../access/credentials.js';
import { APP_VERSION } from '../../config/version.js';
import { PROBLEM_TYPE_BASE } from '../problem/problem.js';
import { ZodPipe } from '../validation/zod.pipe.js';
import { type JsonSchema, JsonSchemas } from './json-schemas.js';
import {
  BODY_METADATA,
  type BodySpec,
  FAILURE_METADATA,
  type FailureSpec,
  readSpecs,
  SUCCESS_METADATA,
  type SuccessSpec,
} from './openapi.decorators.js';
import { type DiscoveredRoute, discoverRoutes } from './route-discovery.js';

export type Operation = {
  tags: string[];
  operationId: string;
  description: string;
  'x-access': AccessRule | null;
  security: Record<string, string[]>[];
  parameters?: Parameter[];
  requestBody?: { required: true; content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, Response>;
};
export type Parameter = {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  schema: JsonSchema;
};
export type Response = {
  description: string;
  /** The problem `type` URIs a refusal can carry, for clients that branch on them. */
  'x-problem-types'?: string[];
  headers?: Record<string, { description: string; schema: JsonSchema }>;
  content?: Record<string, { schema: JsonSchema }>;
};
export type OpenApiDocument = {
  openapi: string;
  info: { title: string; description: string; version: string };
  tags: { name: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, unknown> };
};

/** The document, and what it could not describe: each entry names a route and what it lacks. */
export type BuiltDocument = { document: OpenApiDocument; gaps: string[] };

/** `@ApiTags` of @nestjs/swagger, read without going through its document builder. */
const API_TAGS_METADATA = 'swagger/apiUseTags';
const JSON_MEDIA_TYPE = 'application/json';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const METHOD_ORDER = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options'];

type RouteArgument = { index: number; data?: unknown; pipes?: unknown[] };
/** `type` is Nest's paramtype (body, query, param…), or NaN for a custom decorator. */
type ArgumentInfo = {
  type: RouteParamtypes;
  name: string | undefined;
  schema: z.ZodType | undefined;
};

/** The OpenAPI document of a Nest application (created normally or in preview mode). */
export function openApiDocumentOf(app: INestApplicationContext): BuiltDocument {
  return buildOpenApiDocument(discoverRoutes(app.get(ModulesContainer)), APP_VERSION);
}

/**
 * The OpenAPI 3.1 document of `routes`, built from what the routes declare: `@Access` (security
 * and the 401/403/404 a rule can give), the `@ZodParam`/`@ZodQuery`/`@ZodBody` schemas that
 * validate the request, and `@Returns`/`@ReturnsNothing`/`@ReturnsContent`/`@Fails`/`@Accepts`
 * for the rest. Deterministic: the same routes give the same document, byte for byte.
 */
export function buildOpenApiDocument(routes: DiscoveredRoute[], version: string): BuiltDocument {
  const schemas = new JsonSchemas(contracts);
  const reflector = new Reflector();
  const gaps: string[] = [];
  const paths: Record<string, Record<string, Operation>> = {};
  const operationIds = new Set<string>();
  for (const route of routes) {
    const where = `${route.method} ${route.path}`;
    const lacks = (what: string) => gaps.push(`${where}: ${what}`);
    const operation = describeRoute(route, reflector, schemas, lacks);
    if (operationIds.has(operation.operationId)) lacks(`a second ${operation.operationId}`);
    operationIds.add(operation.operationId);
    const pathItem = (paths[openApiPath(route.path)] ??= {});
    pathItem[route.method.toLowerCase()] = operation;
  }
  const sortedPaths = Object.fromEntries(
    Object.entries(paths)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([path, item]) => [
        path,
        Object.fromEntries(
          Object.entries(item).sort(
            ([a], [b]) => METHOD_ORDER.indexOf(a) - METHOD_ORDER.indexOf(b),
          ),
        ),
      ]),
  );
  const tags = [
    ...new Set(
      Object.values(paths).flatMap((item) => Object.values(item).flatMap(({ tags }) => tags)),
    ),
  ]
    .sort()
    .map((name) => ({ name }));
  const resolvedPaths = schemas.resolveReferencesIn(sortedPaths);
  const document: OpenApiDocument = {
    openapi: '3.1.0',
    info: {
      title: 'Bearing API',
      description: [
        'Objectives, KPIs, guardrails, sprints and flow for technical program managers.',
        '',
        'Scripts and warehouses authenticate with a workspace API token (`Authorization: Bearer …`);',
        'the web app with its session cookie. Every error is an RFC 9457 problem',
        '(`application/problem+json`) whose `type` URI names the kind of failure. Lists are pages:',
        'pass `cursor` from `nextCursor` to get the next one.',
      ].join('\n'),
      version,
    },
    tags,
    paths: resolvedPaths,
    components: {
      schemas: referencedFrom(resolvedPaths, schemas.components()),
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: SESSION_COOKIE,
          description:
            'The browser session `POST /api/auth/sign-in` sets. Writes with it must send an ' +
            '`Origin` (or `Referer`) header of this site.',
        },
        apiToken: {
          type: 'http',
          scheme: 'bearer',
          description:
            "A workspace API token (Settings → API tokens). It reaches only its workspace's " +
            "routes and acts with the weaker of its scope (read: viewer, write: editor) and its owner's role.",
        },
      },
    },
  };
  return { document, gaps };
}

function describeRoute(
  route: DiscoveredRoute,
  reflector: Reflector,
  schemas: JsonSchemas,
  lacks: (what: string) => void,
): Operation {
  const rule = reflector.get(Access, route.handler);
  if (rule === undefined) lacks('no @Access rule');
  const args = Object.entries(
    (Reflect.getMetadata(ROUTE_ARGS_METADATA, route.controller, route.name) ?? {}) as Record<
      string,
      RouteArgument
    >,
  ).map(([key, argument]): ArgumentInfo => ({
    type: Number(key.split(':')[0]),
    name: typeof argument.data === 'string' ? argument.data : undefined,
    schema: zodSchemaOf(argument),
  }));

  const parameters: Parameter[] = [];
  for (const name of pathParameterNames(route.path)) {
    const schema =
      args.find((arg) => arg.type === RouteParamtypes.PARAM && arg.name === name)?.schema ??
      (name === 'workspace' ? contracts.workspaceSlugSchema : undefined);
    if (!schema) lacks(`no schema for the path parameter :${name}`);
    parameters.push({
      name,
      in: 'path',
      required: true,
      schema: schema ? schemas.schemaOf(schema, 'input') : { type: 'string' },
    });
  }
  for (const query of args.filter((arg) => arg.type === RouteParamtypes.QUERY)) {
    if (!query.schema) {
      lacks('a query without a zod schema');
      continue;
    }
    parameters.push(...queryParameters(schemas.expandedSchemaOf(query.schema, 'input'), lacks));
  }

  const bodyArgs = args.filter((arg) => arg.type === RouteParamtypes.BODY);
  const bodySpecs = readSpecs<BodySpec>(BODY_METADATA, route.handler);
  const content: Record<string, { schema: JsonSchema }> = {};
  for (const body of bodyArgs) {
    if (body.schema) content[JSON_MEDIA_TYPE] = { schema: schemas.schemaOf(body.schema, 'input') };
    else if (bodySpecs.length === 0) lacks('a body without a zod schema or @Accepts');
  }
  for (const spec of bodySpecs) {
    if (spec.kind === 'multipart') {
      content['multipart/form-data'] = { schema: multipartSchema(schemas, spec) };
    } else {
      content[spec.mediaType] = {
        schema: {
          ...(spec.schema ? schemas.schemaOf(spec.schema, 'input') : { type: 'string' }),
          description: spec.description,
        },
      };
    }
  }

  const successes = readSpecs<SuccessSpec>(SUCCESS_METADATA, route.handler);
  if (successes.length === 0) lacks('no @Returns, @ReturnsNothing or @ReturnsContent');
  const defaultStatus =
    (Reflect.getMetadata(HTTP_CODE_METADATA, route.handler) as number | undefined) ??
    (route.method === 'POST' ? 201 : 200);
  const responses: Record<string, Response> = {};
  for (const spec of successes) {
    const status = spec.status ?? defaultStatus;
    responses[String(status)] = successResponse(spec, status, schemas);
  }
  const failures = failuresOf(route, rule, {
    validated: args.some((arg) => arg.schema !== undefined) || bodySpecs.length > 0,
    jsonBody: content[JSON_MEDIA_TYPE] !== undefined,
    explicit: readSpecs<FailureSpec>(FAILURE_METADATA, route.handler),
  });
  // A session whose password someone else chose reaches only the routes marked open for it.
  if (
    rule !== undefined &&
    rule !== 'public' &&
    rule !== 'webhook' &&
    !reflector.get(OpenBeforePasswordChange, route.handler)
  ) {
    failures.set('403', [...new Set([...(failures.get('403') ?? []), 'password-change-required'])]);
  }
  // An instance admin made to enrol a second factor reaches only the routes marked open for it.
  if (
    rule !== undefined &&
    rule !== 'public' &&
    rule !== 'webhook' &&
    !reflector.get(OpenBeforeMfaEnrolment, route.handler)
  ) {
    failures.set('403', [...new Set([...(failures.get('403') ?? []), 'mfa-enrolment-required'])]);
  }
  const problem = schemas.schemaOf(contracts.problemSchema, 'output');
  for (const [status, types] of failures) {
    responses[status] = problemResponse(status, types, problem);
  }

  const tags =
    (Reflect.getMetadata(API_TAGS_METADATA, route.controller) as string[] | undefined) ?? [];
  return {
    tags,
    operationId: operationIdOf(route),
    description: accessDescription(rule),
    'x-access': rule ?? null,
    security: securityOf(rule),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(Object.keys(content).length > 0
      ? { requestBody: { required: true as const, content } }
      : {}),
    responses: Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b))),
  };
}

function zodSchemaOf(argument: RouteArgument): z.ZodType | undefined {
  const pipe = argument.pipes?.find((candidate) => candidate instanceof ZodPipe);
  return pipe instanceof ZodPipe ? (pipe.schema as z.ZodType) : undefined;
}

function queryParameters(schema: JsonSchema, lacks: (what: string) => void): Parameter[] {
  const properties = schema.properties as Record<string, JsonSchema> | undefined;
  if (schema.type !== 'object' || !properties) {
    lacks('a query schema that is not an object of fields');
    return [];
  }
  const required = new Set((schema.required as string[] | undefined) ?? []);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: 'query',
    required: required.has(name),
    schema: property,
  }));
}

function multipartSchema(schemas: JsonSchemas, spec: Extract<BodySpec, { kind: 'multipart' }>) {
  const fields = schemas.expandedSchemaOf(spec.fields, 'input');
  return {
    ...fields,
    properties: {
      file: { type: 'string', format: 'binary', description: spec.file },
      ...(fields.properties as Record<string, JsonSchema> | undefined),
    },
    required: ['file', ...((fields.required as string[] | undefined) ?? [])],
  };
}

function successResponse(spec: SuccessSpec, status: number, schemas: JsonSchemas): Response {
  const description = spec.description ?? STATUS_CODES[status] ?? String(status);
  switch (spec.kind) {
    case 'json':
      return {
        description,
        content: { [JSON_MEDIA_TYPE]: { schema: schemas.schemaOf(spec.schema, 'output') } },
      };
    case 'empty':
      return { description };
    case 'content':
      return { description, content: { [spec.mediaType]: { schema: { type: 'string' } } } };
  }
}

/**
 * The refusals a route can give, by status: those its access rule and inputs imply (in the
 * order the access guard checks: 401 → 403 cross-site → 404 workspace → 403 role), those it
 * declares with `@Fails`, and the server's own.
 */
function failuresOf(
  route: DiscoveredRoute,
  rule: AccessRule | undefined,
  inputs: { validated: boolean; jsonBody: boolean; explicit: FailureSpec[] },
): Map<string, string[]> {
  const failures = new Map<string, string[]>();
  const add = (status: number | string, ...types: string[]) => {
    const key = String(status);
    failures.set(key, [...new Set([...(failures.get(key) ?? []), ...types])]);
  };
  if (inputs.validated) add(400, 'validation');
  if (inputs.jsonBody) add(400, 'http-400');
  if (rule === undefined)
    add(403, 'forbidden'); // closed: the guard refuses every caller
  else if (rule !== 'public' && rule !== 'webhook') add(401, 'unauthorized');
  const crossSiteCheck = rule !== 'webhook' && !SAFE_METHODS.has(route.method);
  const roleCheck =
    rule === 'signed-in' ||
    rule === 'instance-admin' ||
    (typeof rule === 'object' && rule.workspaceRole !== 'viewer');
  if (crossSiteCheck || roleCheck) add(403, 'forbidden');
  if (typeof rule === 'object' || pathParameterNames(route.path).length > 0) add(404, 'not-found');
  if (inputs.jsonBody) add(413, 'http-413');
  for (const { status, types } of inputs.explicit) add(status, ...types);
  add('5XX', 'http-500', 'database-unavailable');
  return failures;
}

function problemResponse(status: string, types: string[], problem: JsonSchema): Response {
  const title = status === '5XX' ? 'Server error' : (STATUS_CODES[Number(status)] ?? status);
  const retryAfter = status === '5XX' || status === '429' || status === '503';
  const uris = types.map((type) => `${PROBLEM_TYPE_BASE}${type}`);
  return {
    description: `${title}. Problem types: ${uris.join(', ')}`,
    'x-problem-types': uris,
    ...(retryAfter
      ? {
          headers: {
            'Retry-After': {
              description: 'Seconds to wait before trying again (when the failure is passing).',
              schema: { type: 'integer' },
            },
          },
        }
      : {}),
    content: { [contracts.PROBLEM_CONTENT_TYPE]: { schema: problem } },
  };
}

function securityOf(rule: AccessRule | undefined): Record<string, string[]>[] {
  if (rule === 'public' || rule === 'webhook') return [];
  if (rule === 'signed-in' || rule === 'instance-admin') return [{ session: [] }];
  return [{ session: [] }, { apiToken: [] }];
}

function accessDescription(rule: AccessRule | undefined): string {
  if (rule === undefined) return 'Closed: the route declares no access rule.';
  if (rule === 'public') return 'Anyone may call this.';
  if (rule === 'webhook') {
    return 'Another system holding the secret in the path (a Jira webhook, the one-click unsubscribe of a mail provider); no session or token.';
  }
  if (rule === 'signed-in') return 'Any signed-in user, with a browser session (not an API token).';
  if (rule === 'instance-admin') {
    return 'Instance administrators only, with a browser session (not an API token).';
  }
  const role = rule.workspaceRole;
  const scopes = Object.entries(TOKEN_SCOPE_CEILING)
    .filter(([, ceiling]) => hasAtLeast(ceiling, role))
    .map(([scope]) => scope);
  const tokens =
    scopes.length === 0 ? 'no API token' : `API tokens with the ${scopes.join(' or ')} scope`;
  return `Members of the workspace with at least the ${role} role; ${tokens}.`;
}

function operationIdOf(route: DiscoveredRoute): string {
  const controller = route.controller.name.replace(/Controller$/, '');
  return `${controller.charAt(0).toLowerCase()}${controller.slice(1)}${route.name.charAt(0).toUpperCase()}${route.name.slice(1)}`;
}

function pathParameterNames(path: string): string[] {
  return [...path.matchAll(/:(\w+)/g)].map((match) => match[1] ?? '');
}

/**
 * The components `root` refers to, directly or through other components: a query schema is
 * spelled out as parameters, so its own component would otherwise sit unused.
 */
function referencedFrom(
  root: unknown,
  components: Record<string, JsonSchema>,
): Record<string, JsonSchema> {
  const used = new Set<string>();
  const pending = [root];
  while (pending.length > 0) {
    const text = JSON.stringify(pending.pop());
    for (const [, name] of text.matchAll(/"#\/components\/schemas\/([^"]+)"/g)) {
      if (name === undefined || used.has(name)) continue;
      used.add(name);
      pending.push(components[name]);
    }
  }
  return Object.fromEntries(Object.entries(components).filter(([name]) => used.has(name)));
}

/** `/api/teams/:team` → `/api/teams/{team}`. */
export function openApiPath(expressPath: string): string {
  return expressPath.replace(/:(\w+)/g, '{$1}');
}
