import {
  type CreateJiraConnectionRequest,
  type JiraConnection,
  jiraConnectionChangeViolations,
  type JiraFlavour,
  type UpdateJiraConnectionRequest,
  updateJiraConnectionRequestSchema,
} from '@bearing/contracts';
import { type FieldErrors, fieldErrorsFromIssues } from '../../../components/field-errors';

/** The connection form's fields, as typed. */
export interface ConnectionValues {
  name: string;
  baseUrl: string;
  flavour: JiraFlavour;
  email: string;
  /** `''` when editing: keep the stored token. */
  secret: string;
}

export function valuesOf(connection?: JiraConnection): ConnectionValues {
  return {
    name: connection?.name ?? '',
    baseUrl: connection?.baseUrl ?? '',
    flavour: connection?.flavour ?? 'cloud',
    email: connection?.email ?? '',
    secret: '',
  };
}

/**
 * A new connection: only Cloud sends an email (Data Center refuses one); an empty one is left
 * out, so the contract says it is required rather than too short.
 */
export function createRequestOf(values: ConnectionValues): unknown {
  return {
    name: values.name,
    baseUrl: values.baseUrl,
    flavour: values.flavour,
    ...(values.flavour === 'cloud' && values.email.trim() !== '' ? { email: values.email } : {}),
    secret: values.secret,
  } satisfies Partial<Record<keyof CreateJiraConnectionRequest, unknown>>;
}

/**
 * The change to send: every field as the form shows it, the email cleared when switching to
 * Data Center, and the token only when a new one was typed (without it the stored one stays).
 */
export function updateRequestOf(values: ConnectionValues, before: JiraConnection): unknown {
  const email =
    values.flavour === 'cloud' ? values.email : before.email !== undefined ? null : undefined;
  return {
    name: values.name,
    baseUrl: values.baseUrl,
    flavour: values.flavour,
    ...(email === undefined ? {} : { email }),
    ...(values.secret === '' ? {} : { secret: values.secret }),
  } satisfies Partial<Record<keyof UpdateJiraConnectionRequest, unknown>>;
}

/**
 * An edit that moves the connection to another address, flavour or account must bring the token
 * again (the API refuses it otherwise): the stored token goes only where it was given for.
 * Empty while the values are not yet a valid change (the schema's messages say why).
 */
export function tokenNeededErrors(values: ConnectionValues, before: JiraConnection): FieldErrors {
  const parsed = updateJiraConnectionRequestSchema.safeParse(updateRequestOf(values, before));
  if (!parsed.success) return {};
  return fieldErrorsFromIssues(
    jiraConnectionChangeViolations(parsed.data, before).map(({ path, message }) => ({
      path: [path],
      message,
    })),
  );
}
