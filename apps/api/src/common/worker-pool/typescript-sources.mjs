// Module hooks for a worker thread of the pool when the API runs from its TypeScript sources
// (under Jest, which compiles them with swc in the main thread only; see worker-pool.ts). The
// pool passes this file to its threads with `--import`. It does for the thread what Jest's
// configuration (jest.shared.js) does for the tests: TypeScript compiled by swc with the same
// settings, relative `.js` imports resolved to the `.ts` next to them, and the workspace
// packages read from their sources. Never used from `tsc` output.
import { existsSync, readFileSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { fileURLToPath } from 'node:url';
import { transformSync } from '@swc/core';

const repositoryRoot = new URL('../../../../../', import.meta.url);
const workspaceSources = new Map([
  ['@bearing/metrics', new URL('packages/metrics/src/index.ts', repositoryRoot).href],
  ['@bearing/contracts', new URL('packages/contracts/src/index.ts', repositoryRoot).href],
]);

registerHooks({
  resolve(specifier, context, nextResolve) {
    const workspaceSource = workspaceSources.get(specifier);
    if (workspaceSource) return { url: workspaceSource, shortCircuit: true };
    if (
      specifier.startsWith('.') &&
      specifier.endsWith('.js') &&
      context.parentURL?.endsWith('.ts')
    ) {
      const source = new URL(`${specifier.slice(0, -'.js'.length)}.ts`, context.parentURL);
      if (existsSync(source)) return { url: source.href, shortCircuit: true };
    }
    return nextResolve(specifier, context);
  },
  load(url, context, nextLoad) {
    if (!url.startsWith('file:') || !url.endsWith('.ts')) return nextLoad(url, context);
    const filename = fileURLToPath(url);
    const { code } = transformSync(readFileSync(filename, 'utf8'), {
      filename,
      jsc: {
        target: 'es2022',
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        keepClassNames: true,
      },
      module: { type: 'es6' },
      sourceMaps: 'inline',
    });
    return { format: 'module', source: code, shortCircuit: true };
  },
});
