import type { Request } from 'express';
import { ProblemException } from '../common/problem/problem.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence for requests a browser could be tricked into sending with its cookie: an unsafe
 * method must say where it comes from (`Origin`, or `Referer` where a browser omits it), and
 * that must be this very host. Requests with an `Authorization` header are exempt: no other
 * site can make a browser attach one. Only the host is compared, not the scheme, so it holds
 * behind a TLS-terminating proxy that forwards plain http.
 */
export function assertSameOrigin(request: Request): void {
  if (SAFE_METHODS.has(request.method) || request.headers.authorization !== undefined) return;
  const source = request.get('origin') ?? request.get('referer');
  if (source === undefined || source === 'null' || hostOf(source) !== request.host) {
    throw ProblemException.forbidden(
      'Cross-site request refused: a write needs an Origin (or Referer) header of this site.',
    );
  }
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}
