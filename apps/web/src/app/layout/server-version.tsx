import { Text } from '@mantine/core';
import { useHealth } from '../../api/system-status';
import { webAppVersion } from '../build-info';

/** Which builds are running: this web app and, from `GET /api/health`, the server. */
export function ServerVersion() {
  const health = useHealth();
  const server = health.isSuccess
    ? `v${health.data.version}`
    : health.isError
      ? 'unknown'
      : 'checking…';
  return (
    <Text size="xs" c="dimmed">
      Bearing web v{webAppVersion} · server {server}
    </Text>
  );
}
