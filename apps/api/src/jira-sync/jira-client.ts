import type { JiraFlavour, JiraProblemKind } from '@bearing/contracts';

/** What a client needs to call one Jira site; `secret` is the opened token. */
export type JiraCredentials = {
  baseUrl: string;
  flavour: JiraFlavour;
  email: string | null;
  secret: string;
};

/**
 * Why Jira could not be used, in words an admin can act on. The message never carries the
 * token, the authorization header or a response body.
 */
export class JiraProblem extends Error {
  constructor(
    readonly kind: JiraProblemKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'JiraProblem';
  }

  /** 401/403: retrying will not help; the source is broken until someone fixes it. */
  get refusesCredentials(): boolean {
    return this.kind === 'unauthorized' || this.kind === 'forbidden';
  }
}

export type JiraClientOptions = {
  /** Per request, connecting included. */
  timeoutMs?: number;
  /** Retries of one request after 429, 5xx or a dropped connection. */
  maxRetries?: number;
  /** First backoff; doubles per retry, with full jitter. */
  baseDelayMs?: number;
  /** The longest wait, `Retry-After` included. */
  maxDelayMs?: number;
  /** Stops waiting and requesting (a job that lost its lease or a shutting-down worker). */
  signal?: AbortSignal;
  /** Tests replace the wait. */
  sleep?: (ms: number) => Promise<void>;
};

type Query = Record<string, string | number | boolean | undefined>;

/**
 * A small Jira REST client on Node's fetch: basic auth with email + API token and REST v3 for
 * Cloud, a bearer personal access token and REST v2 for Data Center. Every request is counted
 * (`requests`, `retries`) for the sync run's record. 429 and 503 wait for `Retry-After` when
 * Jira sends it, other 5xx and dropped connections back off exponentially with jitter; 401 and
 * 403 are never retried.
 */
export class JiraClient {
  requests = 0;
  retries = 0;
  private readonly authorization: string;
  private readonly timeoutMs: number;
  private readonly maxRetries: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly credentials: JiraCredentials,
    private readonly options: JiraClientOptions = {},
  ) {
    this.authorization =
      credentials.flavour === 'cloud'
        ? `Basic ${Buffer.from(`${credentials.email ?? ''}:${credentials.secret}`).toString('base64')}`
        : `Bearer ${credentials.secret}`;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.maxRetries = options.maxRetries ?? 6;
    this.baseDelayMs = options.baseDelayMs ?? 500;
    this.maxDelayMs = options.maxDelayMs ?? 60_000;
    this.sleep = options.sleep ?? ((ms) => abortableSleep(ms, options.signal));
  }

  /** `3` for Cloud, `2` for Data Center: `/rest/api/${apiVersion}/…`. */
  get apiVersion(): '2' | '3' {
    return this.credentials.flavour === 'cloud' ? '3' : '2';
  }

  /** GET of a JSON resource under the base URL (`path` starts with `/rest/`). */
  async get<T>(path: string, query: Query = {}): Promise<T> {
    return this.request<T>('GET', path, query, undefined);
  }

  /** POST of a JSON body (Cloud's `search/jql` takes long JQL in a body). */
  async post<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('POST', path, {}, body);
  }

  private async request<T>(
    method: 'GET' | 'POST',
    path: string,
    query: Query,
    body: unknown,
  ): Promise<T> {
    const url = new URL(this.credentials.baseUrl + path);
    for (const [name, value] of Object.entries(query)) {
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    for (let attempt = 0; ; attempt++) {
      this.options.signal?.throwIfAborted();
      this.requests++;
      let response: Response;
      try {
        response = await fetch(url, {
          method,
          headers: {
            authorization: this.authorization,
            accept: 'application/json',
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          redirect: 'manual',
          signal: this.options.signal
            ? AbortSignal.any([this.options.signal, AbortSignal.timeout(this.timeoutMs)])
            : AbortSignal.timeout(this.timeoutMs),
        });
      } catch (error) {
        this.options.signal?.throwIfAborted();
        const problem = networkProblem(error, this.timeoutMs);
        // A refused or reset connection may be a restart; a wrong host or certificate is not.
        if (problem.kind !== 'unreachable' && problem.kind !== 'timeout') throw problem;
        if (attempt >= this.maxRetries) throw problem;
        await this.backoff(attempt, undefined);
        continue;
      }
      if (response.ok) {
        try {
          return (await response.json()) as T;
        } catch {
          throw new JiraProblem(
            'not-jira',
            `${method} ${path} answered ${response.status} with a body that is not JSON: is this a Jira address?`,
            response.status,
          );
        }
      }
      const retryAfter = response.headers.get('retry-after');
      const detail = await errorDetail(response);
      const retryable = response.status === 429 || response.status >= 500;
      if (!retryable || attempt >= this.maxRetries) {
        throw httpProblem(method, path, response.status, detail);
      }
      await this.backoff(attempt, retryAfter);
    }
  }

  private async backoff(attempt: number, retryAfter: string | null | undefined): Promise<void> {
    this.retries++;
    const told = retryAfterMs(retryAfter);
    const exponential = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** attempt);
    // Full jitter: clients that failed together do not come back together.
    const wait = told ?? Math.round(exponential / 2 + (Math.random() * exponential) / 2);
    await this.sleep(Math.min(this.maxDelayMs, wait));
  }
}

/** `Retry-After` in seconds or as an HTTP date, in ms; undefined when absent or unreadable. */
export function retryAfterMs(
  value: string | null | undefined,
  now = Date.now(),
): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

async function errorDetail(response: Response): Promise<string | undefined> {
  try {
    const body = (await response.json()) as { errorMessages?: unknown; message?: unknown };
    const first: unknown = Array.isArray(body.errorMessages)
      ? (body.errorMessages as unknown[])[0]
      : body.message;
    return typeof first === 'string' ? first.slice(0, 200) : undefined;
  } catch {
    return undefined;
  }
}

function httpProblem(
  method: string,
  path: string,
  status: number,
  detail: string | undefined,
): JiraProblem {
  const said = detail ? ` (Jira said: ${detail})` : '';
  if (status === 401) {
    return new JiraProblem(
      'unauthorized',
      `Jira refused the credentials (401): the token is wrong, expired or revoked${said}`,
      status,
    );
  }
  if (status === 403) {
    return new JiraProblem(
      'forbidden',
      `Jira refused access (403): the account may not use the REST API or see this resource${said}`,
      status,
    );
  }
  if (status >= 300 && status < 400) {
    return new JiraProblem(
      'not-jira',
      `${method} ${path} was redirected (${status}): check the base URL (for Cloud, https://<site>.atlassian.net)`,
      status,
    );
  }
  return new JiraProblem('http', `${method} ${path} failed with HTTP ${status}${said}`, status);
}

const TLS_CODES = new Set([
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'EPROTO',
]);

/** A failed fetch (no HTTP answer) in words: unknown host, TLS, timeout or unreachable. */
export function networkProblem(error: unknown, timeoutMs: number): JiraProblem {
  // Duck-typed: fetch's errors may come from another realm (a test's VM), where `instanceof
  // Error` is false.
  const failure = (typeof error === 'object' && error !== null ? error : {}) as {
    name?: unknown;
    cause?: { code?: unknown };
  };
  const name = typeof failure.name === 'string' ? failure.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new JiraProblem('timeout', `Jira did not answer within ${timeoutMs / 1000} s`);
  }
  const code = typeof failure.cause?.code === 'string' ? failure.cause.code : '';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new JiraProblem('unknown-host', 'the host name of the base URL is unknown (DNS)');
  }
  if (TLS_CODES.has(code) || code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL')) {
    return new JiraProblem(
      'tls',
      `the TLS connection failed (${code}): the certificate is not trusted or does not match the host`,
    );
  }
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT') {
    return new JiraProblem('timeout', `connecting to Jira timed out (${code})`);
  }
  return new JiraProblem(
    'unreachable',
    `Jira could not be reached${code ? ` (${code})` : ''}: check the base URL and that the server is running`,
  );
}

function abortableSleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Runs `work` on every item, at most `limit` at a time, keeping the input order. */
export async function mapLimit<Item, Result>(
  items: readonly Item[],
  limit: number,
  work: (item: Item) => Promise<Result>,
): Promise<Result[]> {
  const results: Result[] = new Array<Result>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as Item);
    }
  });
  await Promise.all(lanes);
  return results;
}
