import { Badge } from '@mantine/core';
import { ApiError } from '../../api/api-error';
import { useReadiness } from '../../api/system-status';

interface ReadinessView {
  label: string;
  color: string;
  detail: string;
}

function describeFailure(error: Error): ReadinessView {
  if (error instanceof ApiError && error.status === 503) {
    return {
      label: 'Database unavailable',
      color: 'red',
      detail: error.problem.detail ?? error.problem.title,
    };
  }
  return { label: 'API unreachable', color: 'red', detail: error.message };
}

/**
 * The server's readiness from `GET /api/ready`, polled. The state is always spelled
 * out in text; the colour only repeats it.
 */
export function ReadinessIndicator() {
  const readiness = useReadiness();
  let view: ReadinessView;
  if (readiness.isPending) {
    view = { label: 'Checking…', color: 'gray', detail: 'Checking the server' };
  } else if (readiness.isError) {
    view = describeFailure(readiness.error);
  } else {
    const { applied } = readiness.data.migrations;
    view = {
      label: 'Ready',
      color: 'green',
      detail: `Database up, ${applied} migration${applied === 1 ? '' : 's'} applied`,
    };
  }
  return (
    <Badge
      role="status"
      variant="light"
      tt="none"
      color={view.color}
      title={view.detail}
      aria-label={`Server status: ${view.label}`}
      leftSection={<span aria-hidden="true">●</span>}
    >
      {view.label}
    </Badge>
  );
}
