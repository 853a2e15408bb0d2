/**
 * Addresses that carry a secret as their last path segment: webhooks other systems call
 * (`/api/hooks/<system>/<id>/<secret>`), since they cannot send a header Bearing chooses.
 */
const SECRET_PATH = /^(\/api\/hooks\/[^/?#]+\/[^/?#]+\/)[^/?#]+/;

export const REDACTED = '[redacted]';

/** `url` with the secret segment of a webhook address replaced, for logs and problem bodies. */
export function redactSecretPath(url: string): string {
  return url.replace(SECRET_PATH, `$1${REDACTED}`);
}

/** What pino's request serializer produced: the fields this redaction touches. */
type SerializedRequest = { url?: unknown; params?: unknown };

/**
 * pino-http's request serializer (wrapped around its standard one): a webhook's secret never
 * reaches a log line, neither in the URL nor in the route parameters.
 */
export function redactRequestSecrets<Request extends SerializedRequest>(request: Request): Request {
  if (typeof request.url === 'string') request.url = redactSecretPath(request.url);
  const params = request.params;
  if (params !== null && typeof params === 'object' && 'secret' in params) {
    // A copy: the original object is Express's own `request.params`.
    request.params = { ...params, secret: REDACTED };
  }
  return request;
}
