import type { z } from 'zod';

/** One answer a route gives on success, as the OpenAPI document describes it. */
export type SuccessSpec =
  | { kind: 'json'; status?: number; schema: z.ZodType; description?: string }
  | { kind: 'empty'; status?: number; description?: string }
  | { kind: 'content'; status?: number; mediaType: string; description: string };

/** A refusal a route can give beyond those every route of its kind gives (see openapi-document.ts). */
export type FailureSpec = { status: number; types: readonly string[] };

/** A request body the route reads itself, rather than through `@ZodBody`. */
export type BodySpec =
  | { kind: 'content'; mediaType: string; schema: z.ZodType | undefined; description: string }
  | { kind: 'multipart'; fields: z.ZodType; file: string };

export const SUCCESS_METADATA = 'bearing:openapi:success';
export const FAILURE_METADATA = 'bearing:openapi:failures';
export const BODY_METADATA = 'bearing:openapi:bodies';

/** Decorators apply bottom-up; each appends, so a route may carry several. */
function appending<T>(key: string, value: T): MethodDecorator {
  return (_target, _name, descriptor) => {
    const handler = descriptor.value as object;
    const previous = (Reflect.getMetadata(key, handler) as T[] | undefined) ?? [];
    Reflect.defineMetadata(key, [value, ...previous], handler);
  };
}

export function readSpecs<T>(key: string, handler: object): T[] {
  return (Reflect.getMetadata(key, handler) as T[] | undefined) ?? [];
}

/**
 * `@Returns(programSchema)` — the route answers JSON valid against this contract schema, with
 * the route's status (201 for POST, 200 otherwise, or its `@HttpCode`) unless `status` says
 * otherwise. The HTTP tests check every answer against it.
 */
export const Returns = (
  schema: z.ZodType,
  options: { status?: number; description?: string } = {},
): MethodDecorator =>
  appending<SuccessSpec>(SUCCESS_METADATA, { kind: 'json', schema, ...options });

/** `@ReturnsNothing()` — a 204 (or the route's `@HttpCode`) without a body. */
export const ReturnsNothing = (description?: string): MethodDecorator =>
  appending<SuccessSpec>(SUCCESS_METADATA, { kind: 'empty', status: undefined, description });

/** `@ReturnsContent('text/markdown', 'The report as Markdown')` — a document, not JSON. */
export const ReturnsContent = (mediaType: string, description: string): MethodDecorator =>
  appending<SuccessSpec>(SUCCESS_METADATA, {
    kind: 'content',
    status: undefined,
    mediaType,
    description,
  });

/**
 * `@Fails(409, 'stale-version')` — a refusal particular to this route, with the problem types
 * (the last segment of the problem's `type` URI) it answers with.
 */
export const Fails = (status: number, ...types: string[]): MethodDecorator =>
  appending<FailureSpec>(FAILURE_METADATA, { status, types });

/**
 * `@Accepts('text/csv', 'Lines of `timestamp,value`')` or `@Accepts('application/json', schema,
 * '…')` — a body read by the route's own parser (one decorator per media type).
 */
export function Accepts(mediaType: string, description: string): MethodDecorator;
export function Accepts(mediaType: string, schema: z.ZodType, description: string): MethodDecorator;
export function Accepts(
  mediaType: string,
  schemaOrDescription: z.ZodType | string,
  description?: string,
): MethodDecorator {
  return typeof schemaOrDescription === 'string'
    ? appending<BodySpec>(BODY_METADATA, {
        kind: 'content',
        mediaType,
        schema: undefined,
        description: schemaOrDescription,
      })
    : appending<BodySpec>(BODY_METADATA, {
        kind: 'content',
        mediaType,
        schema: schemaOrDescription,
        description: description ?? '',
      });
}

/** `@AcceptsUpload(fieldsSchema, 'The Jira export')` — `multipart/form-data` with a `file`. */
export const AcceptsUpload = (fields: z.ZodType, file: string): MethodDecorator =>
  appending<BodySpec>(BODY_METADATA, { kind: 'multipart', fields, file });
