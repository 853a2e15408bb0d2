import { Body, type PipeTransform, Param, Query } from '@nestjs/common';
import type { z } from 'zod';
import { ProblemException } from '../problem/problem.js';
import { fieldErrorsOf } from './field-errors.js';

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
