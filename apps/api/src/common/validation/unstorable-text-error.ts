import { QueryFailedError } from 'typeorm';

/**
 * Whether PostgreSQL refused a value because of characters it cannot store: NUL in text
 * (22021 character_not_in_repertoire, "invalid byte sequence for encoding UTF8: 0x00"), NUL in
 * jsonb (22P05 untranslatable_character, "unsupported Unicode escape sequence") or a lone
 * surrogate in jsonb (22P02, "Unicode low surrogate must follow a high surrogate"). Requests
 * are validated so that none arrives here; this is the safety net that keeps one that slipped
 * through a client error instead of a 500.
 */
export function isUnstorableTextError(error: unknown): boolean {
  const driverError: unknown = error instanceof QueryFailedError ? error.driverError : error;
  if (typeof driverError !== 'object' || driverError === null) return false;
  const { code, message, detail } = driverError as {
    code?: unknown;
    message?: unknown;
    detail?: unknown;
  };
  if (code === '22021' || code === '22P05') return true;
  return (
    code === '22P02' &&
    [message, detail].some((text) => typeof text === 'string' && /surrogate|Unicode/i.test(text))
  );
}
