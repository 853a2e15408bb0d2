import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { serializeOpenApiDocument } from './serialize.js';
import { previewOpenApiDocument } from './preview-document.js';

/**
 * `npm run openapi`: writes the API's OpenAPI document to docs/openapi.json, where scripts and
 * reviewers read it. A test fails while the committed file differs from what the code declares.
 */
const target = fileURLToPath(new URL('../../../../../docs/openapi.json', import.meta.url));
const { document, gaps } = await previewOpenApiDocument();
await writeFile(target, serializeOpenApiDocument(document));
process.stdout.write(`Wrote ${target}\n`);
if (gaps.length > 0) {
  process.stderr.write(`Routes the document cannot fully describe:\n  ${gaps.join('\n  ')}\n`);
  process.exitCode = 1;
}
