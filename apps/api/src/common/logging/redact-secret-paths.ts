/**
 * Addresses that carry a secret as their last path segment: webhooks other systems call
 * (`/api/hooks/<system>/<id>/<secret>`), since they cannot send a header Bearing chooses, and
 * email unsubscribe links (`/api/unsubscribe/<token>`: whoever holds one turns a person's
 * emails off).
 */
const SECRET_PATHS = [
  /^(\/api\/hooks\/[^/?#]+\/[^/?#]+\/)[^/?#]+/,
  /^(\/api\/unsubscribe\/)[^/?#]+/,
];
/** Route parameters that hold those secrets. */
const SECRET_PARAMS = ['secret', 'token'] as const;

export const REDACTED = '[redacted]';

/**
 * `url` with the secret segment of a webhook or unsubscribe address replaced, for logs and
 * problem bodies.
 */
export function redactSecretPath(url: string): string {
  return SECRET_PATHS.reduce((redacted, path) => redacted.replace(path, `$1${REDACTED}`), url);
}

/** What pino's request serializer produced: the fields this redaction touches. */
type SerializedRequest = { url?: unknown; params?: unknown };

/**
 * pino-http's request serializer (wrapped around its standard one): a webhook's secret or an
 * unsubscribe token never reaches a log line, neither in the URL nor in the route parameters.
 */
export function redactRequestSecrets<Request extends SerializedRequest>(request: Request): Request {
  if (typeof request.url === 'string') request.url = redactSecretPath(request.url);
  const params = request.params;
  if (params !== null && typeof params === 'object') {
    const secrets = SECRET_PARAMS.filter((name) => name in params);
    // A copy: the original object is Express's own `request.params`.
    if (secrets.length > 0) {
      request.params = {
        ...params,
        ...Object.fromEntries(secrets.map((name) => [name, REDACTED])),
      };
    }
  }
  return request;
}
