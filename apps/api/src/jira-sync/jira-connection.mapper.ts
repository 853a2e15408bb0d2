import type { JiraConnection as JiraConnectionResponse } from '@bearing/contracts';
import type { JiraConnection } from './jira-connection.entity.js';

/** The connection as the API shows it: `hasSecret`, never the token. */
export function toJiraConnectionResponse(connection: JiraConnection): JiraConnectionResponse {
  return {
    id: connection.id,
    name: connection.name,
    baseUrl: connection.baseUrl,
    flavour: connection.flavour,
    ...(connection.email === null ? {} : { email: connection.email }),
    hasSecret: connection.secretSealed.length > 0,
    createdAt: connection.createdAt.toISOString(),
  };
}
