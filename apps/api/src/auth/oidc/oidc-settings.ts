import type { OidcConfig } from '../../config/config.js';
import type { OidcClient } from './oidc-client.js';

/** Injection token of the single sign-on settings the module was built with. */
export const OIDC_SETTINGS = Symbol('OIDC_SETTINGS');

export type OidcSettings = {
  /** Undefined when single sign-on is not configured. */
  sso: { config: OidcConfig; client: OidcClient } | undefined;
  passwordSignIn: boolean;
};
