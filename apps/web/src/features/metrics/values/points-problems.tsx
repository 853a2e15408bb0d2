import type { ProblemFieldError } from '@bearing/contracts';
import { Code, List, ScrollArea, Text } from '@mantine/core';

/**
 * Where a problem is, from the path the API (and the preview) gives it: `line.7.value` →
 * "Line 7, value" (CSV, the header is line 1); `3.value` → "Element 3, value" (JSON, counted
 * from 0); `''` → "The file".
 */
export function problemPlace(path: string): string {
  const [first = '', ...rest] = path.split('.');
  if (first === 'line') {
    const [line = '', ...column] = rest;
    return column.length > 0 ? `Line ${line}, ${column.join('.')}` : `Line ${line}`;
  }
  if (first === '') return 'The file';
  return rest.length > 0 ? `Element ${first}, ${rest.join('.')}` : `Element ${first}`;
}

export interface PointsProblemsProps {
  problems: readonly ProblemFieldError[];
  /** More problems were found than are listed. */
  truncated: boolean;
  label: string;
}

/** Every problem listed, each at its line or element; long lists scroll. */
export function PointsProblems({ problems, truncated, label }: PointsProblemsProps) {
  if (problems.length === 0) return null;
  return (
    <>
      <ScrollArea.Autosize
        mah={240}
        type="auto"
        viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': label }}
      >
        <List size="sm" spacing={4} aria-label={label}>
          {problems.map(({ path, message }, index) => (
            <List.Item key={`${path}:${index}`}>
              <Code>{problemPlace(path)}</Code>{' '}
              <Text span size="sm">
                {message}
              </Text>
            </List.Item>
          ))}
        </List>
      </ScrollArea.Autosize>
      {truncated && (
        <Text size="sm">
          Reading stopped after the first {problems.length} problems; the file may have more.
        </Text>
      )}
    </>
  );
}
