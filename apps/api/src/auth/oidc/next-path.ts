import { z } from 'zod';

/**
 * `next`: where to land after signing in — only a path on this site (`/w/acme/programs`), never
 * another origin: no scheme, no `//host`, no backslashes browsers read as slashes, no control
 * characters. Absent → `/`.
 */
export const nextPathSchema = z
  .string()
  .max(2000)
  .refine(
    (path) =>
      path.startsWith('/') &&
      !path.startsWith('//') &&
      !path.includes('\\') &&
      ![...path].some((character) => character.charCodeAt(0) < 0x20 || character === '\u007f') &&
      new URL(path, 'http://bearing.invalid').origin === 'http://bearing.invalid',
    { message: 'must be a path on this site, starting with a single /' },
  );

export const oidcStartQuerySchema = z.strictObject({ next: nextPathSchema.optional() });
export type OidcStartQuery = z.infer<typeof oidcStartQuerySchema>;
