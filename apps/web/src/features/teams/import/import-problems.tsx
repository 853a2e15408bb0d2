import type { ImportProblem } from '@bearing/contracts';
import { Code, List, ScrollArea, Text } from '@mantine/core';

/** Where a problem is: the issue key, the CSV line, or both. */
export function problemPlace(problem: ImportProblem): string | null {
  if (problem.key !== undefined && problem.line !== undefined) {
    return `${problem.key} (line ${problem.line})`;
  }
  if (problem.key !== undefined) return problem.key;
  if (problem.line !== undefined) return `line ${problem.line}`;
  return null;
}

/** Every problem, each with the issue key or line it was found at; long lists scroll. */
export function ImportProblems({
  problems,
  label,
}: {
  problems: readonly ImportProblem[];
  label: string;
}) {
  if (problems.length === 0) return null;
  return (
    <ScrollArea.Autosize
      mah={240}
      type="auto"
      viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': label }}
    >
      <List size="sm" spacing={4} aria-label={label}>
        {problems.map((problem, index) => {
          const place = problemPlace(problem);
          return (
            <List.Item key={`${place ?? ''}:${index}`}>
              {place && (
                <>
                  <Code>{place}</Code>{' '}
                </>
              )}
              <Text span size="sm">
                {problem.message}
              </Text>
            </List.Item>
          );
        })}
      </List>
    </ScrollArea.Autosize>
  );
}
