import type { OpenApiDocument } from './openapi-document.js';

/** The committed form of the document: two-space JSON and a final newline, nothing else. */
export function serializeOpenApiDocument(document: OpenApiDocument): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** docs/openapi.json, from the repository root. */
export const OPENAPI_FILE = 'docs/openapi.json';
