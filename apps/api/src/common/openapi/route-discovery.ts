import { RequestMethod, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import type { ModulesContainer } from '@nestjs/core';

/** The prefix `createApp` puts before every controller's path. */
export const GLOBAL_PREFIX = 'api';

export type DiscoveredRoute = {
  controller: Type;
  /** The handler's name on the controller, e.g. `list`. */
  name: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- any handler
  handler: Function;
  /** `GET`, `POST`, … */
  method: string;
  /** Express syntax, e.g. `/api/workspaces/:workspace/members/:userId`. */
  path: string;
};

/**
 * Every route of every controller Nest registered — found by walking Nest's module container,
 * so a new controller is covered without anyone listing it. Works on an application created in
 * preview mode too (nothing instantiated, no database).
 */
export function discoverRoutes(modules: ModulesContainer): DiscoveredRoute[] {
  const routes: DiscoveredRoute[] = [];
  const seen = new Set<Type>();
  for (const module of modules.values()) {
    for (const { metatype } of module.controllers.values()) {
      if (typeof metatype !== 'function' || seen.has(metatype as Type)) continue;
      const controller = metatype as Type;
      seen.add(controller);
      const controllerPaths = pathsOf(Reflect.getMetadata(PATH_METADATA, controller));
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const methodPaths = Reflect.getMetadata(PATH_METADATA, handler) as unknown;
        if (methodPaths === undefined) continue;
        const method =
          RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        for (const controllerPath of controllerPaths) {
          for (const methodPath of pathsOf(methodPaths)) {
            routes.push({
              controller,
              name,
              handler,
              method,
              path: joinPath(GLOBAL_PREFIX, controllerPath, methodPath),
            });
          }
        }
      }
    }
  }
  return routes;
}

function pathsOf(metadata: unknown): string[] {
  if (Array.isArray(metadata)) return metadata.map(String);
  return [typeof metadata === 'string' ? metadata : '/'];
}

function joinPath(...segments: string[]): string {
  const path = segments
    .flatMap((segment) => segment.split('/'))
    .filter((part) => part.length > 0)
    .join('/');
  return `/${path}`;
}
