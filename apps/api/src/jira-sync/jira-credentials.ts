import type { SecretBox } from '../common/secrets/secret-box.js';
import type { JiraCredentials } from './jira-client.js';
import type { JiraConnection } from './jira-connection.entity.js';

/** The connection's credentials with the token opened (throws `SecretUnavailableError`). */
export function credentialsOf(connection: JiraConnection, secrets: SecretBox): JiraCredentials {
  return {
    baseUrl: connection.baseUrl,
    flavour: connection.flavour,
    email: connection.email,
    secret: secrets.open(connection.secretSealed),
  };
}
