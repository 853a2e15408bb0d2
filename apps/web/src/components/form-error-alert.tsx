import { Alert, List, Text } from '@mantine/core';
import { ApiError, describeError } from '../api/api-error';

export interface FormErrorAlertProps {
  /** The last failure of the form's mutation. */
  error: unknown;
  /** Fields the form shows inline: a 400 naming only these needs no alert. */
  fields: readonly string[];
  title: string;
}

/**
 * What a form cannot show next to a field: a failure that is not a field error (a conflict, a
 * lost connection), or a 400 about something the form has no field for — such as a check-in on
 * a closed objective (`objective.status`).
 */
export function FormErrorAlert({ error, fields, title }: FormErrorAlertProps) {
  if (error === null || error === undefined) return null;
  const fieldErrors = error instanceof ApiError ? (error.problem.errors ?? []) : [];
  const elsewhere = fieldErrors.filter(({ path }) => !fields.includes(path.split('.')[0] ?? ''));
  if (error instanceof ApiError && error.status === 400 && fieldErrors.length > 0) {
    if (elsewhere.length === 0) return null;
    return (
      <Alert color="red" title={title} role="alert">
        <List size="sm">
          {elsewhere.map(({ path, message }) => (
            <List.Item key={`${path}:${message}`}>
              <Text span size="sm" fw={600}>
                {humanPath(path)}
              </Text>{' '}
              {message}
            </List.Item>
          ))}
        </List>
      </Alert>
    );
  }
  return (
    <Alert color="red" title={title} role="alert">
      {describeError(error)}
    </Alert>
  );
}

/** `objective.status` → "Objective status". */
function humanPath(path: string): string {
  const words = path
    .split('.')
    .join(' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
