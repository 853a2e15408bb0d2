import type { NestExpressApplication } from '@nestjs/platform-express';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import supertest from 'supertest';
import type { Response } from 'superagent';
import {
  type OpenApiDocument,
  openApiDocumentOf,
  type Response as DocumentedResponse,
} from '../../src/common/openapi/openapi-document.js';

/**
 * Every HTTP test checks every answer against the OpenAPI document: a status the route does not
 * list, a media type it does not name, or a JSON body its schema refuses fails the request —
 * so the document (and the zod contracts it is built from) cannot drift from what the handlers
 * really send. `createTestApp` turns it on for its app.
 */
export function checkResponsesAgainstOpenApi(app: NestExpressApplication): void {
  // Built on the first answer, from the very app under test (test-only routes included).
  let checker: ResponseChecker | undefined;
  checkers.set(app.getHttpServer(), {
    check: (...args) =>
      (checker ??= new ResponseChecker(openApiDocumentOf(app).document)).check(...args),
  });
  installOnSupertest();
}

type Check = (method: string, url: string, response: Response) => string | undefined;

const checkers = new WeakMap<object, { check: Check }>();

/** The components' schemas as one resource, so `$ref`s between them resolve. */
const COMPONENTS_ID = 'https://bearing.test/openapi/components.json';
const SKIPPED_METHODS = new Set(['HEAD', 'OPTIONS']);

type DocumentedRoute = {
  method: string;
  template: string;
  pattern: RegExp;
  /** More literal characters win, as Express's declaration order makes `…/{id}.md` win. */
  specificity: number;
  responses: Record<string, DocumentedResponse>;
};

export class ResponseChecker {
  private readonly ajv = new Ajv2020({ allErrors: true, strict: false });
  private readonly routes: DocumentedRoute[];
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(document: OpenApiDocument) {
    addFormats.default(this.ajv);
    this.ajv.addSchema({ $id: COMPONENTS_ID, $defs: absolute(document.components.schemas) });
    this.routes = Object.entries(document.paths).flatMap(([template, item]) =>
      Object.entries(item).map(([method, operation]) => ({
        method: method.toUpperCase(),
        template,
        pattern: new RegExp(
          `^${template
            .split(/\{\w+\}/)
            .map((literal) => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
            .join('[^/]+')}$`,
        ),
        specificity: template.replace(/\{\w+\}/g, '').length,
        responses: operation.responses,
      })),
    );
  }

  /** Why `response` breaks the document, or `undefined` when it keeps it (or is no route's). */
  check(method: string, url: string, response: Response): string | undefined {
    if (SKIPPED_METHODS.has(method)) return undefined;
    const path = new URL(url, 'http://localhost').pathname;
    const route = this.routes
      .filter((candidate) => candidate.method === method && candidate.pattern.test(path))
      .sort((a, b) => b.specificity - a.specificity)[0];
    if (!route) return undefined;
    const where = `${method} ${path} (${route.template}) answered ${response.status}`;
    const statusKey = [String(response.status), `${String(response.status)[0]}XX`, 'default'].find(
      (key) => route.responses[key] !== undefined,
    );
    if (!statusKey) {
      return `${where}, a status the OpenAPI document does not list (it lists ${Object.keys(route.responses).join(', ')}).`;
    }
    const content = route.responses[statusKey]?.content;
    const contentType: string | undefined = response.headers['content-type'];
    const mediaType = contentType?.split(';')[0]?.trim();
    if (!content) {
      return mediaType === undefined || response.status === 204
        ? undefined
        : `${where} with a ${mediaType} body, where the OpenAPI document promises none.`;
    }
    const documented = mediaType === undefined ? undefined : content[mediaType];
    if (!documented) {
      return `${where} as ${mediaType ?? 'nothing'}, where the OpenAPI document says ${Object.keys(content).join(' or ')}.`;
    }
    if (!/[/+]json$/.test(mediaType ?? '')) return undefined;
    const validate = this.validatorFor(
      `${route.method} ${route.template} ${statusKey} ${mediaType}`,
      documented.schema,
    );
    if (validate(response.body)) return undefined;
    const errors = (validate.errors ?? [])
      .slice(0, 10)
      .map(
        (error) =>
          `  ${error.instancePath || '(body)'} ${error.message ?? ''} ${JSON.stringify(error.params)}`,
      )
      .join('\n');
    return `${where} with a body that does not match the OpenAPI document:\n${errors}\nbody: ${JSON.stringify(response.body).slice(0, 2000)}`;
  }

  private validatorFor(key: string, schema: unknown): ValidateFunction {
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile(absolute(schema) as object);
      this.validators.set(key, validate);
    }
    return validate;
  }
}

/** `#/components/schemas/X` → a reference into the components resource. */
function absolute<T>(value: T): T {
  return JSON.parse(
    JSON.stringify(value).replaceAll('"#/components/schemas/', `"${COMPONENTS_ID}#/$defs/`),
  ) as T;
}

type Assert = (
  this: { app: unknown; method: string; url: string },
  error: Error | null,
  response: Response | undefined,
  done?: (error: Error | null, response?: Response) => void,
) => void;

let installed = false;

/**
 * supertest runs a request's `.expect(…)` checks in `Test#assert`, for callbacks and promises
 * alike; the document check runs after them, so a wrong status still reads as one.
 */
function installOnSupertest(): void {
  if (installed) return;
  installed = true;
  const prototype = supertest.Test.prototype as unknown as { assert: Assert };
  const assert = prototype.assert;
  prototype.assert = function (error, response, done) {
    assert.call(this, error, response, (failure, result) => {
      const mismatch =
        failure || !response
          ? undefined
          : checkers.get(this.app as object)?.check(this.method, this.url, response);
      done?.call(this, failure ?? (mismatch === undefined ? null : new Error(mismatch)), result);
    });
  };
}
