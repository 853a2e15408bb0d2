/** This web app's version, injected at build time from apps/web/package.json (vite.config.ts). */
export const webAppVersion: string = __BEARING_VERSION__;

/** The workspace `/` opens: the demo workspace seeded on first start. */
export const DEFAULT_WORKSPACE = 'demo';
