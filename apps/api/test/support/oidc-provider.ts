import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type AccountClaims, type Adapter, type AdapterPayload } from 'oidc-provider';

/** A person the local identity provider knows, with the claims it vouches for. */
export type ProviderPerson = {
  email?: string;
  email_verified?: boolean;
  name?: string;
  groups?: string[];
};

export type TestOidcProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Who the provider knows, by login name; tests add and change people between sign-ins. */
  people: Map<string, ProviderPerson>;
  /**
   * Plays the browser at the provider: follows the authorization URL, signs in as `login` on the
   * provider's own form, consents, and answers the redirect back to Bearing (with code and state).
   */
  signIn(authorizationUrl: string, login: string): Promise<URL>;
  close(): Promise<void>;
};

const CLIENT_ID = 'bearing-test';
const CLIENT_SECRET = 'bearing-test-client-secret-0123456789';

/**
 * A real OpenID provider (the `oidc-provider` package, as certified by the OpenID Foundation) on a
 * loopback port: discovery, a login form, authorization codes with PKCE, signed ID tokens.
 * `redirectUri` is Bearing's callback as the app under test announces it.
 */
export async function startOidcProvider(redirectUri: string): Promise<TestOidcProvider> {
  const people = new Map<string, ProviderPerson>();
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const signingKey = {
    ...privateKey.export({ format: 'jwk' }),
    alg: 'RS256',
    use: 'sig',
    kid: 'test',
  };
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    adapter: MemoryAdapter,
    ttl: { Interaction: 600, Grant: 3600, Session: 3600, AccessToken: 600, IdToken: 600 },
    jwks: { keys: [signingKey] as never },
    cookies: { keys: ['test-provider-cookie-key'] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups'] },
    // Claims go into the ID token itself, as most providers do, not only to userinfo.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_context, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_context, accountId) => {
      const person = people.get(accountId);
      if (!person) return undefined;
      return {
        accountId,
        claims: (): AccountClaims => ({ sub: accountId, ...person }),
      };
    },
  });
  // Plain http on loopback: tell the provider not to expect a TLS-terminating proxy.
  provider.proxy = false;

  const handle = provider.callback();
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const match = /^\/interaction\/([\w-]+)(\/login)?$/.exec(request.url ?? '');
    if (!match) return void handle(request, response);
    void interaction(provider, people, request, response, match[2] !== undefined).catch(
      (error: unknown) => {
        response.statusCode = 500;
        response.end(String(error));
      },
    );
  });

  return {
    issuer,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    people,
    signIn: (authorizationUrl, login) => walkThroughProvider(authorizationUrl, login),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** The provider's state (codes, sessions, grants) in memory: one provider per test file. */
class MemoryAdapter implements Adapter {
  private static readonly store = new Map<string, AdapterPayload>();

  constructor(private readonly model: string) {}

  private key(id: string): string {
    return `${this.model}:${id}`;
  }

  upsert(id: string, payload: AdapterPayload): Promise<void> {
    MemoryAdapter.store.set(this.key(id), payload);
    return Promise.resolve();
  }

  find(id: string): Promise<AdapterPayload | undefined> {
    return Promise.resolve(MemoryAdapter.store.get(this.key(id)));
  }

  findByUid(uid: string): Promise<AdapterPayload | undefined> {
    const found = [...MemoryAdapter.store].find(
      ([key, payload]) => key.startsWith(`${this.model}:`) && payload.uid === uid,
    );
    return Promise.resolve(found?.[1]);
  }

  findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
    const found = [...MemoryAdapter.store].find(
      ([key, payload]) => key.startsWith(`${this.model}:`) && payload.userCode === userCode,
    );
    return Promise.resolve(found?.[1]);
  }

  consume(id: string): Promise<void> {
    const payload = MemoryAdapter.store.get(this.key(id));
    if (payload) payload.consumed = Math.floor(Date.now() / 1000);
    return Promise.resolve();
  }

  destroy(id: string): Promise<void> {
    MemoryAdapter.store.delete(this.key(id));
    return Promise.resolve();
  }

  revokeByGrantId(grantId: string): Promise<void> {
    for (const [key, payload] of MemoryAdapter.store) {
      if (payload.grantId === grantId) MemoryAdapter.store.delete(key);
    }
    return Promise.resolve();
  }
}

/** The provider's sign-in page: a form asking for the login name; consent is implied. */
async function interaction(
  provider: Provider,
  people: Map<string, ProviderPerson>,
  request: IncomingMessage,
  response: ServerResponse,
  submitted: boolean,
): Promise<void> {
  const details = await provider.interactionDetails(request, response);
  if (!submitted) {
    response.setHeader('Content-Type', 'text/html; charset=utf-8');
    response.end(`<!doctype html><html lang="en"><head><title>Test identity provider</title><link rel="icon" href="data:,"></head>
<body><main><h1>Test identity provider</h1>
<form method="post" action="/interaction/${details.uid}/login">
<label>Username <input name="login" autocomplete="username"></label>
<button type="submit">Continue</button></form></main></body></html>`);
    return;
  }
  const body = await readBody(request);
  const accountId = new URLSearchParams(body).get('login') ?? '';
  if (!people.has(accountId)) {
    response.statusCode = 400;
    response.end('unknown user');
    return;
  }
  const grant = new provider.Grant({ accountId, clientId: String(details.params.client_id) });
  grant.addOIDCScope(String(details.params.scope));
  const grantId = await grant.save();
  await provider.interactionFinished(
    request,
    response,
    { login: { accountId }, consent: { grantId } },
    { mergeWithLastSubmission: false },
  );
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** Follows redirects by hand with a cookie jar until the provider sends the browser elsewhere. */
async function walkThroughProvider(authorizationUrl: string, login: string): Promise<URL> {
  const origin = new URL(authorizationUrl).origin;
  const cookies = new Map<string, string>();
  const send = async (url: string, init: RequestInit = {}): Promise<Response> => {
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: {
        ...(init.headers as Record<string, string> | undefined),
        cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; '),
      },
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const separator = pair.indexOf('=');
      cookies.set(pair.slice(0, separator), pair.slice(separator + 1));
    }
    return response;
  };
  const locationOf = (response: Response): URL => {
    const location = response.headers.get('location');
    if (!location) throw new Error(`the provider answered ${response.status} without a redirect`);
    return new URL(location, origin);
  };

  let next = locationOf(await send(authorizationUrl));
  for (let hops = 0; next.origin === origin && hops < 5; hops += 1) {
    const interactionPath = /^\/interaction\/[\w-]+$/.test(next.pathname);
    const response = interactionPath
      ? await send(`${next.href}/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ login }).toString(),
        })
      : await send(next.href);
    next = locationOf(response);
  }
  return next;
}
