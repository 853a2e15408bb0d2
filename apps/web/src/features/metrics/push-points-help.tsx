import { Anchor, Code, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { workspacePath } from '../../app/layout/navigation-items';

export interface PushPointsHelpProps {
  workspace: string;
  metricKey: string;
}

/** How values get into a metric: an API token and one request, JSON or CSV. */
export function PushPointsHelp({ workspace, metricKey }: PushPointsHelpProps) {
  const url = `${window.location.origin}/api/workspaces/${workspace}/metrics/${metricKey}/points`;
  return (
    <Stack gap="xs">
      <Text size="sm">
        Add a value or upload a CSV file with the buttons above. Warehouses, CI jobs and scripts
        send values with an API token that has the write scope (
        <Anchor component={Link} to={workspacePath(workspace, 'settings/tokens')} size="sm">
          create one in Settings
        </Anchor>
        ). Sending a timestamp again replaces its value, so re-sending a file changes nothing.
      </Text>
      <Code block>
        {`curl -X POST ${url} \\
  -H "Authorization: Bearer $BEARING_TOKEN" \\
  -H "Content-Type: text/csv" \\
  --data-binary $'timestamp,value\\n2026-11-02,41.5\\n2026-11-09,43.0'`}
      </Code>
    </Stack>
  );
}
