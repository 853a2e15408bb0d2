import { Body, type PipeTransform, Param, Query } from '@nestjs/common';
import { findUnstorableText } from '@bearing/contracts';
import type { z } from 'zod';
import { ProblemException } from '../problem/problem.js';
import { dotted, fieldErrorsOf } from './field-errors.js';

/**
 * Validates (and normalises) one request part against a zod schema from `@bearing/contracts`.
 * Anything invalid becomes a 400 validation problem listing every field at fault, so bad input
 * never reaches a service. Free-text fields refuse NUL and lone surrogates themselves (`text()`
 * of the contracts); any other string that passed its schema with one — a map key, a password —
 * is refused here all the same, since no database column can store it.
 */
export class ZodPipe<Schema extends z.ZodType> implements PipeTransform<unknown, z.output<Schema>> {
  constructor(readonly schema: Schema) {}

  transform(value: unknown): z.output<Schema> {
    const result = this.schema.safeParse(value);
    if (!result.success) throw ProblemException.validation(fieldErrorsOf(result.error));
    const unstorable = findUnstorableText(result.data);
    if (unstorable.length > 0) {
      throw ProblemException.validation(
        unstorable.map(({ path, message }) => ({ path: dotted(path), message })),
      );
    }
    return result.data;
  }
}

/** `@ZodBody(schema) body: Request` — the JSON body, validated; unknown fields are refused. */
export const ZodBody = (schema: z.ZodType) => Body(new ZodPipe(schema));

/** `@ZodQuery(schema) query: Query` — the whole query string, validated. */
export const ZodQuery = (schema: z.ZodType) => Query(new ZodPipe(schema));

/** `@ZodParam('id', z.uuid()) id: string` — one path parameter, validated. */
export const ZodParam = (name: string, schema: z.ZodType) => Param(name, new ZodPipe(schema));
