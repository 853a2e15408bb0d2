import { ApiError } from '../api/api-error';

/**
 * Messages keyed by the whole dotted path of the field (`workflow.stages.1.name`), not just its
 * first segment like `FieldErrors`: the settings form points into nested lists.
 */
export type PathErrors = Partial<Record<string, string>>;

interface Issue {
  path: readonly PropertyKey[];
  message: string;
}

/** The first complaint per path from a zod validation of the request body. */
export function pathErrorsFromIssues(issues: readonly Issue[]): PathErrors {
  const errors: PathErrors = {};
  for (const issue of issues) {
    errors[issue.path.map(String).join('.')] ??= sentenceCase(issue.message);
  }
  return errors;
}

/** A 400's `errors: [{ path, message }]` (paths dotted by the API) in the same shape. */
export function pathErrorsFromProblem(error: unknown): PathErrors {
  if (!(error instanceof ApiError) || !error.problem.errors) return {};
  const errors: PathErrors = {};
  for (const { path, message } of error.problem.errors) errors[path] ??= sentenceCase(message);
  return errors;
}

/** The first message at `path` or anywhere below it (`workflow.stages.1.statuses.0` → statuses). */
export function errorAtOrBelow(errors: PathErrors, path: string): string | undefined {
  const exact = errors[path];
  if (exact !== undefined) return exact;
  const below = Object.keys(errors).find((key) => key.startsWith(`${path}.`));
  return below === undefined ? undefined : errors[below];
}

function sentenceCase(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}
