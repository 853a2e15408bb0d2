import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import type { z } from 'zod';
import { ZodPipe } from '../../src/common/validation/zod.pipe.js';
import type { RegisteredRoute } from './routes.js';

/** The zod schemas a route validates its request with, read from the pipes Nest will run. */
export type RouteSchemas = {
  body?: z.ZodType;
  query?: z.ZodType;
  /** One schema per validated `:param`. */
  params: Record<string, z.ZodType>;
};

type RouteArgument = { index: number; data?: unknown; pipes?: unknown[] };

export function routeSchemas(route: RegisteredRoute): RouteSchemas {
  const argumentsByKey = (Reflect.getMetadata(
    ROUTE_ARGS_METADATA,
    route.controller,
    route.handlerName,
  ) ?? {}) as Record<string, RouteArgument>;
  const schemas: RouteSchemas = { params: {} };
  for (const [key, argument] of Object.entries(argumentsByKey)) {
    const schema = argument.pipes?.find((pipe) => pipe instanceof ZodPipe)?.schema;
    const paramtype = Number(key.split(':')[0]) as RouteParamtypes;
    if (paramtype === RouteParamtypes.BODY && schema) schemas.body = schema;
    else if (paramtype === RouteParamtypes.QUERY && schema) schemas.query = schema;
    else if (paramtype === RouteParamtypes.PARAM && schema && typeof argument.data === 'string') {
      schemas.params[argument.data] = schema;
    }
  }
  return schemas;
}
