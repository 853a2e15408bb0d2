import { Body, type PipeTransform, Param, Query } from '@nestjs/common';
import type { ProblemFieldError } from '@bearing/contracts';
import type { z } from 'zod';
import { ProblemException } from '../problem/problem.js';

/**
 * Validates (and normalises) one request part against a zod schema from `@bearing/contracts`.
 * Anything invalid becomes a 400 validation problem listing every field at fault, so bad input
 * never reaches a service.
 */
export class ZodPipe<Schema extends z.ZodType> implements PipeTransform<unknown, z.output<Schema>> {
  constructor(private readonly schema: Schema) {}

  transform(value: unknown): z.output<Schema> {
    const result = this.schema.safeParse(value);
    if (result.success) return result.data;
    throw ProblemException.validation(fieldErrorsOf(result.error));
  }
}

/** `@ZodBody(schema) body: Request` — the JSON body, validated; unknown fields are refused. */
export const ZodBody = (schema: z.ZodType) => Body(new ZodPipe(schema));

/** `@ZodQuery(schema) query: Query` — the whole query string, validated. */
export const ZodQuery = (schema: z.ZodType) => Query(new ZodPipe(schema));

/** `@ZodParam('id', z.uuid()) id: string` — one path parameter, validated. */
export const ZodParam = (name: string, schema: z.ZodType) => Param(name, new ZodPipe(schema));

/**
 * One `{ path, message }` per problem, the path dotted like `members.0.role`. An unknown field
 * is reported at its own path (zod reports it at the parent), so a form can point at it.
 */
export function fieldErrorsOf(error: z.ZodError): ProblemFieldError[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: dotted([...issue.path, key]),
        message: 'is not an allowed field',
      }));
    }
    return [{ path: dotted(issue.path), message: issue.message }];
  });
}

function dotted(path: readonly PropertyKey[]): string {
  return path.map((segment) => String(segment)).join('.');
}
