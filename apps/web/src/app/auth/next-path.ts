/** The sign-in page, remembering where to go afterwards (nothing to remember for `/`). */
export function signInPath(pathname: string, search = ''): string {
  const next = `${pathname}${search}`;
  return next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`;
}

/**
 * Where to go after signing in: the `next` parameter when it is a path on this site, else `/`.
 * Anything else (`https://evil.example`, `//evil.example`, `/\evil.example`) would make the
 * sign-in page an open redirect.
 */
export function safeNextPath(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
    return '/';
  }
  return next;
}
