import type { Problem } from '@bearing/contracts';
import { Alert, List, Text } from '@mantine/core';
import { ApiError, describeError } from '../../api/api-error';

type FieldError = NonNullable<Problem['errors']>[number];

/** Where in the query a mistake is, as an editor counts: "line 2, column 9". */
export function positionOf(error: FieldError): string | undefined {
  if (error.line === undefined || error.column === undefined) return undefined;
  return `line ${error.line}, column ${error.column}`;
}

/** A refused or failed query: each mistake with its position, or what else went wrong. */
export function QueryErrors({
  error,
  title = 'The query did not run',
}: {
  error: unknown;
  title?: string;
}) {
  const errors = error instanceof ApiError ? (error.problem.errors ?? []) : [];
  return (
    <Alert color="red" title={title} role="alert">
      {errors.length === 0 ? (
        <Text size="sm">{describeError(error)}</Text>
      ) : (
        <List size="sm" spacing={4}>
          {errors.map((entry, index) => (
            <List.Item key={index}>
              {positionOf(entry) && <Text span fw={600}>{`${positionOf(entry)}: `}</Text>}
              {entry.message}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
