// How dependency-cruiser reads the API for the feature-folder graph that
// scripts/check-feature-cycles.mjs checks (`npm run check:deps`, part of `npm run check`).
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  options: {
    doNotFollow: { path: 'node_modules' },
    // The feature graph: infrastructure (common/, database/, config/), the demo generator and the
    // application's wiring (app.module.ts, server.ts, …) are left out, as every feature may use
    // the first and the rest use every feature. Tests are not part of it either.
    exclude: {
      path: [
        '\\.spec\\.ts$',
        '^apps/api/src/(common|database|config|demo)/',
        '^apps/api/src/[^/]+\\.ts$',
      ],
    },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'apps/api/tsconfig.json' },
  },
};
