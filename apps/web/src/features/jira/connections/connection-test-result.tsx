import type { JiraConnectionTestResult, JiraProblemKind } from '@bearing/contracts';
import { Alert, Text } from '@mantine/core';

/** A heading per kind of failure; the server's message says the particulars. */
const PROBLEM_TITLES: Record<JiraProblemKind, string> = {
  unauthorized: 'Jira refused the credentials (401)',
  forbidden: 'The account may not use the API (403)',
  'unknown-host': 'The address does not resolve',
  tls: 'The secure connection failed',
  timeout: 'Jira did not answer in time',
  unreachable: 'Jira could not be reached',
  'not-jira': 'The address does not answer like Jira',
  http: 'Jira answered with an error',
};

export interface ConnectionTestResultProps {
  connectionName: string;
  result: JiraConnectionTestResult;
}

/** "Connected as … to Jira 10.3" or what is wrong, in words. */
export function ConnectionTestResult({ connectionName, result }: ConnectionTestResultProps) {
  if (result.ok) {
    return (
      <Alert color="green" title={`${connectionName} works`} role="status">
        <Text size="sm">
          Signed in as {result.user ?? 'an unnamed account'}
          {result.serverVersion ? ` to Jira ${result.serverVersion}` : ''}.
        </Text>
      </Alert>
    );
  }
  const kind = result.error?.kind ?? 'http';
  return (
    <Alert color="red" title={`${connectionName}: ${PROBLEM_TITLES[kind]}`} role="alert">
      <Text size="sm">{result.error?.message ?? 'Jira did not accept the test.'}</Text>
    </Alert>
  );
}
