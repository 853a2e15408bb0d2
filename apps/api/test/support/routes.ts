import { ModulesContainer, Reflector } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Test } from 'supertest';
import { Access, type AccessRule } from '../../src/access/access.decorator.js';
import { discoverRoutes } from '../../src/common/openapi/route-discovery.js';

export type RegisteredRoute = {
  method: string;
  /** Express syntax, e.g. `/api/workspaces/:workspace/members/:userId`. */
  path: string;
  rule: AccessRule | undefined;
  /** The controller class and handler name, to read the handler's own metadata (its pipes). */
  controller: object;
  handlerName: string;
};

/**
 * Every route of every controller Nest registered, with its access rule — the routes the
 * OpenAPI document is built from (`discoverRoutes`), so a new controller is covered without
 * anyone listing it here.
 */
export function registeredRoutes(app: NestExpressApplication): RegisteredRoute[] {
  const reflector = app.get(Reflector);
  return discoverRoutes(app.get(ModulesContainer)).map((route) => ({
    method: route.method,
    path: route.path,
    rule: reflector.get(Access, route.handler),
    controller: route.controller,
    handlerName: route.name,
  }));
}

/** `METHOD path` of every route the Express router holds (Nest's and anything else's). */
export function expressRoutes(app: NestExpressApplication): string[] {
  const express = app.getHttpAdapter().getInstance() as {
    router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] };
  };
  return express.router.stack.flatMap(({ route }) =>
    route
      ? Object.keys(route.methods)
          .filter((method) => method !== '_all')
          .map((method) => `${method.toUpperCase()} ${route.path}`)
      : [],
  );
}

/** `path` with each `:param` replaced from `values`; a parameter nobody provided is an error. */
export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/:(\w+)/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no test value for :${name} in ${path}`);
    return value;
  });
}

type Requester = { [method in 'get' | 'post' | 'put' | 'patch' | 'delete']: (url: string) => Test };

/** The supertest request for a route's method, e.g. `request(agent, 'PATCH', url)`. */
export function request(agent: Requester, method: string, url: string): Test {
  switch (method) {
    case 'GET':
      return agent.get(url);
    case 'POST':
      return agent.post(url);
    case 'PUT':
      return agent.put(url);
    case 'PATCH':
      return agent.patch(url);
    case 'DELETE':
      return agent.delete(url);
    default:
      throw new Error(`no test support for ${method} routes yet`);
  }
}
