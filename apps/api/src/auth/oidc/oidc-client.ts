import * as client from 'openid-client';
import type { OidcConfig } from '../../config/config.js';

/** What the callback checks the identity provider's answer against (kept with the attempt). */
export type AttemptChecks = { state: string; nonce: string; codeVerifier: string };

/** The validated ID token's claims. */
export type IdTokenClaims = client.IDToken;

/** How long discovery and the code exchange may take before the attempt is given up. */
const PROVIDER_TIMEOUT_SECONDS = 10;

/**
 * The relying party, on `openid-client`: discovery (cached; retried after a failure), the
 * authorization URL with PKCE (S256), state and nonce, and the code exchange, where the library
 * validates the response's state, the ID token's signature, issuer, audience, expiry and nonce.
 */
export class OidcClient {
  private configuration: Promise<client.Configuration> | undefined;

  constructor(
    private readonly settings: OidcConfig,
    readonly redirectUri: string,
  ) {}

  /** A fresh attempt's secrets: state, nonce and the PKCE verifier. */
  static newChecks(): AttemptChecks {
    return {
      state: client.randomState(),
      nonce: client.randomNonce(),
      codeVerifier: client.randomPKCECodeVerifier(),
    };
  }

  async authorizationUrl(checks: AttemptChecks): Promise<URL> {
    const configuration = await this.discover();
    return client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUri,
      response_type: 'code',
      scope: 'openid email profile',
      state: checks.state,
      nonce: checks.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(checks.codeVerifier),
      code_challenge_method: 'S256',
    });
  }

  /** Exchanges the callback's code; throws the library's error when anything does not check out. */
  async exchange(callbackUrl: URL, checks: AttemptChecks): Promise<IdTokenClaims> {
    const configuration = await this.discover();
    const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      pkceCodeVerifier: checks.codeVerifier,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims) throw new Error('the token response carried no ID token');
    return claims;
  }

  private discover(): Promise<client.Configuration> {
    this.configuration ??= client
      .discovery(
        this.settings.issuer,
        this.settings.clientId,
        { client_secret: this.settings.clientSecret },
        client.ClientSecretBasic(this.settings.clientSecret),
        {
          timeout: PROVIDER_TIMEOUT_SECONDS,
          // Config accepts an http issuer only on a loopback host (tests, local trials).
          execute: this.settings.issuer.protocol === 'http:' ? [client.allowInsecureRequests] : [],
        },
      )
      .catch((error: unknown) => {
        this.configuration = undefined;
        throw error;
      });
    return this.configuration;
  }
}

/** Sorts the library's refusals into the reasons the sign-in page explains. */
export function refusalReasonOf(
  error: unknown,
):
  | 'state-mismatch'
  | 'provider-refused'
  | 'code-rejected'
  | 'id-token-rejected'
  | 'provider-unavailable' {
  if (error instanceof client.AuthorizationResponseError) return 'provider-refused';
  if (error instanceof client.ResponseBodyError) return 'code-rejected';
  if (error instanceof client.ClientError) {
    const cause = error.cause instanceof Error ? error.cause.message : '';
    if (/"state"/.test(cause) || /"state"/.test(error.message)) return 'state-mismatch';
    if (
      error.code === 'OAUTH_RESPONSE_IS_NOT_CONFORM' ||
      error.code === 'OAUTH_RESPONSE_IS_NOT_JSON'
    ) {
      return 'provider-unavailable';
    }
    return 'id-token-rejected';
  }
  return 'provider-unavailable';
}
