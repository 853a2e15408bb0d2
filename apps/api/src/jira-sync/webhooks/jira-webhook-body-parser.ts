import express, { type RequestHandler } from 'express';

/** Express path of the route Jira calls (under the global `/api` prefix). */
export const JIRA_WEBHOOK_PATHS = ['/api/hooks/jira/:sourceId/:secret'];

/** Jira's issue events carry the issue with its fields: generous, but bounded. */
export const JIRA_WEBHOOK_MAX_BYTES = 2 * 1024 * 1024;

/**
 * The webhook route's body "parser": keeps the body as the bytes Jira sent (a Buffer), whatever
 * its media type, because the `X-Hub-Signature` HMAC is computed over exactly those bytes; the
 * route parses the JSON itself once the signature holds. Mounted before the global JSON parser,
 * which then finds the body read and leaves it.
 */
export function jiraWebhookBodyParsers(): RequestHandler[] {
  return [express.raw({ type: () => true, limit: JIRA_WEBHOOK_MAX_BYTES })];
}
