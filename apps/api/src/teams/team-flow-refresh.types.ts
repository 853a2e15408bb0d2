/**
 * The queued job a team edit sends when the inputs of its flow read model changed (its
 * workflow or time zone). The delivery feature handles it; it lives here so teams need not
 * depend on delivery.
 */
export const FLOW_REFRESH_JOB = 'flow.refresh';
export type FlowRefreshPayload = { workspaceId: string; teamId: string };
