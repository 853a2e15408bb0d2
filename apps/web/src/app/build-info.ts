/** This web app's version, injected at build time from apps/web/package.json (vite.config.ts). */
export const webAppVersion: string = __BEARING_VERSION__;
