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
  const response = await fetch(path, {
    method: 'GET',
    headers: { Accept: `application/json, ${PROBLEM_CONTENT_TYPE}` },
    signal: options.signal,
  });
  if (!response.ok) {
    throw new ApiError(await readProblem(response));
  }
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
