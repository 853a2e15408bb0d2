import type { FieldErrors } from './field-errors';

/**
 * "Enter a title" for each required field left blank — plainer than a schema's "too small" —
 * to lay over the schema's messages.
 */
export function blankFieldErrors(
  values: Record<string, string>,
  messages: Record<string, string>,
): FieldErrors {
  const errors: FieldErrors = {};
  for (const [field, message] of Object.entries(messages)) {
    if ((values[field] ?? '').trim() === '') errors[field] = message;
  }
  return errors;
}
