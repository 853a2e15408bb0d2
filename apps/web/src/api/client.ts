import { PROBLEM_CONTENT_TYPE, problemSchema, type Problem } from '@bearing/contracts';
import { ApiError, UnexpectedResponseError } from './api-error';

/**
 * The one thing the client needs from a response schema. Every zod schema in
 * @bearing/contracts satisfies it, so callers pass those schemas directly.
 */
export interface ResponseSchema<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false; error: Error };
}

export interface RequestOptions {
  signal?: AbortSignal;
}

const ACCEPT = `application/json, ${PROBLEM_CONTENT_TYPE}`;

/** Routes any visitor may call: they answer alike with or without a session. */
const PUBLIC_PATHS = ['/api/auth/', '/api/health', '/api/ready'];

let sessionEnding = false;

/**
 * Holds back the requests of signed-in pages while the session ends (signing out), until the
 * returned function is called once those pages are gone. Sent, they would come back 401, which
 * the browser reports as an error in its console: a lazily loaded page, for one, asks for its
 * data only after the click on "Sign out". A held request waits (its page shows it is loading)
 * and ends when its query is cancelled; public routes, sign-out itself among them, still go.
 */
export function holdSignedInRequests(): () => void {
  sessionEnding = true;
  return () => {
    sessionEnding = false;
  };
}

/**
 * `GET` a JSON resource from the API and validate it against its contract.
 * Rejects with an {@link ApiError} for any non-2xx status and with an
 * {@link UnexpectedResponseError} when a 2xx body breaks the contract.
 */
export async function apiGet<T>(
  path: string,
  schema: ResponseSchema<T>,
  options: RequestOptions = {},
): Promise<T> {
  const response = await send(path, { method: 'GET', signal: options.signal });
  return parseBody(path, response, schema);
}

export type WriteMethod = 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * A write with an optional JSON body. With a `schema`, the answer is validated like
 * {@link apiGet}'s; without one (204 routes), the body is ignored.
 *
 * Same-origin requests carry the session cookie, and browsers add the `Origin` header the
 * API's CSRF check requires on every write.
 */
export async function apiSend<T>(
  method: WriteMethod,
  path: string,
  body: unknown,
  schema: ResponseSchema<T>,
): Promise<T>;
export async function apiSend(method: WriteMethod, path: string, body?: unknown): Promise<void>;
export async function apiSend<T>(
  method: WriteMethod,
  path: string,
  body?: unknown,
  schema?: ResponseSchema<T>,
): Promise<T | void> {
  const response = await send(path, {
    method,
    // A FormData body (a file upload) goes as multipart; the browser sets its boundary. A Blob
    // (a file sent as it is, such as a points CSV) goes with its own media type.
    ...(body === undefined
      ? {}
      : body instanceof FormData
        ? { body }
        : body instanceof Blob
          ? { body, headers: { 'Content-Type': body.type } }
          : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }),
  });
  if (schema) return parseBody(path, response, schema);
}

/** `path?limit=…&cursor=…` for the API's paginated list routes. */
export function pagePath(path: string, limit: number, cursor?: string | null): string {
  const query = new URLSearchParams({ limit: String(limit) });
  if (cursor) query.set('cursor', cursor);
  return `${path}?${query.toString()}`;
}

async function send(
  path: string,
  init: {
    method: string;
    body?: string | FormData | Blob;
    headers?: Record<string, string>;
    signal?: AbortSignal;
  },
): Promise<Response> {
  if (sessionEnding && !PUBLIC_PATHS.some((prefix) => path.startsWith(prefix))) {
    return heldUntilAborted(init.signal);
  }
  const response = await fetch(path, {
    method: init.method,
    body: init.body,
    headers: { Accept: ACCEPT, ...init.headers },
    credentials: 'same-origin',
    signal: init.signal,
  });
  if (!response.ok) {
    throw new ApiError(await readProblem(response), readRetryAfter(response));
  }
  return response;
}

/** A request never sent: it settles only by being aborted, as a cancelled query's is. */
function heldUntilAborted(signal: AbortSignal | undefined): Promise<Response> {
  // Rejected as fetch rejects an aborted request.
  const aborted = () => new DOMException('The request was aborted.', 'AbortError');
  return new Promise((_resolve, reject) => {
    if (signal?.aborted) reject(aborted());
    signal?.addEventListener('abort', () => reject(aborted()), { once: true });
  });
}

async function parseBody<T>(path: string, response: Response, schema: ResponseSchema<T>) {
  const body: unknown = await readJson(response);
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new UnexpectedResponseError(path, parsed.error.message);
  }
  return parsed.data;
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

/** `Retry-After` in seconds; the HTTP-date form is turned into seconds from now. */
function readRetryAfter(response: Response): number | undefined {
  const value = response.headers.get('retry-after');
  if (value === null) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/**
 * The problem details of an error response. Errors that do not come as problem+json
 * (a proxy's HTML 502, say) get the RFC 9457 `about:blank` problem for their status.
 */
async function readProblem(response: Response): Promise<Problem> {
  const contentType = response.headers.get('content-type') ?? '';
  if (contentType.includes(PROBLEM_CONTENT_TYPE) || contentType.includes('application/json')) {
    const parsed = problemSchema.safeParse(await readJson(response));
    if (parsed.success) {
      return parsed.data;
    }
  }
  return {
    type: 'about:blank',
    title: response.statusText || `HTTP ${response.status}`,
    status: response.status,
  };
}
