import { ApiError } from '../api/api-error';

/** Messages per form field, keyed by the field's name in the request body. */
export type FieldErrors = Partial<Record<string, string>>;

interface Issue {
  path: readonly PropertyKey[];
  message: string;
}

/**
 * The first complaint per field from a zod validation of a request body — the same schema the
 * API validates with, so the form says what the server would.
 */
export function fieldErrorsFromIssues(issues: readonly Issue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '');
    errors[field] ??= sentenceCase(issue.message);
  }
  return errors;
}

/** A 400's field errors (`errors: [{ path, message }]`) in the same shape. */
export function fieldErrorsFromProblem(error: unknown): FieldErrors {
  if (!(error instanceof ApiError) || !error.problem.errors) return {};
  return fieldErrorsFromIssues(
    error.problem.errors.map(({ path, message }) => ({ path: path.split('.'), message })),
  );
}

function sentenceCase(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}
