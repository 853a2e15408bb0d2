import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { compression } from 'vite-plugin-compression2';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const packageJson = JSON.parse(
  readFileSync(new URL('./package.json', import.meta.url), 'utf8'),
) as {
  version: string;
};
const apiUrl = process.env.BEARING_API_URL ?? 'http://localhost:3000';
// The Host header stays the dev server's, so the API's same-origin (CSRF) check sees the
// browser's Origin and Host agree, as they do when the API serves the built app itself.
const apiProxy = { '/api': { target: apiUrl, changeOrigin: false } };

/**
 * Mantine's ScrollArea (under every Table) imports one hook, `useMergeRefs`, from
 * `@floating-ui/react`, which is a single module: every page with a table would load all of
 * floating-ui (~15 kB gzipped) though only menus, popovers and tooltips use it. That one import
 * resolves to a stand-in built on Mantine's own hook instead. Should ScrollArea ever take more
 * from floating-ui, the build fails on the missing export rather than misbehaving.
 */
function scrollAreaWithoutFloatingUi(): Plugin {
  const standIn = fileURLToPath(
    new URL('./src/vendor-shims/scroll-area-merge-refs.ts', import.meta.url),
  );
  const scrollArea = /@mantine[\\/]core[\\/]esm[\\/]components[\\/]ScrollArea[\\/]ScrollArea\.mjs$/;
  return {
    name: 'bearing:scroll-area-without-floating-ui',
    enforce: 'pre',
    resolveId(source, importer) {
      return source === '@floating-ui/react' && importer && scrollArea.test(importer)
        ? standIn
        : null;
    },
  };
}

export default defineConfig({
  root: webRoot,
  // The API serves the built app at `/` with an SPA fallback, so asset URLs must be absolute.
  base: '/',
  // Brotli and gzip copies of every text asset beside it: the API sends them as they are.
  plugins: [
    scrollAreaWithoutFloatingUi(),
    react(),
    compression({
      algorithms: ['brotliCompress', 'gzip'],
      include: /\.(js|mjs|css|svg|json)$/,
      threshold: 1024,
      logLevel: 'silent',
    }),
  ],
  define: {
    __BEARING_VERSION__: JSON.stringify(packageJson.version),
  },
  resolve: {
    alias: {
      // Bundle the shared schemas from source, as the tests do, so the app never sees a stale build.
      '@bearing/contracts': fileURLToPath(
        new URL('../../packages/contracts/src/index.ts', import.meta.url),
      ),
      // The same for the metrics: a chart that derives a series (e.g. the burnup) calls them.
      '@bearing/metrics': fileURLToPath(
        new URL('../../packages/metrics/src/index.ts', import.meta.url),
      ),
    },
  },
  server: { proxy: apiProxy },
  preview: { proxy: apiProxy },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // dist/.vite/manifest.json: what each route loads, for the bundle-size benchmark.
    manifest: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases
        // (and keep each chunk under Vite's 500 kB warning).
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/,
            },
            {
              name: 'vendor',
              test: /node_modules[\\/]/,
              entriesAware: true,
            },
          ],
        },
      },
    },
  },
});
