/// <reference types="vite/client" />

/** The web app's version from apps/web/package.json, injected by `define` in vite.config.ts. */
declare const __BEARING_VERSION__: string;
