import {
  type AlertRuleInput,
  type AlertRulePatch,
  alertListSchema,
  alertRuleListSchema,
  alertRuleSchema,
  alertRuleTemplateListSchema,
  alertRuleTestResultSchema,
  alertSchema,
  type Alert,
} from '@bearing/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend } from './client';
import { workspaceKey } from './workspaces';

type AlertState = Alert['state'];

/** Alerts and the rules that fire them: a rule's change or run changes both lists. */
export const alertKeys = {
  all: (workspace: string) => [...workspaceKey(workspace), 'alerts'] as const,
  alerts: (workspace: string, state?: AlertState) =>
    [...alertKeys.all(workspace), 'alerts', state ?? 'all'] as const,
  rules: (workspace: string) => [...alertKeys.all(workspace), 'rules'] as const,
  rule: (workspace: string, id: string) => [...alertKeys.rules(workspace), id] as const,
  templates: (workspace: string) => [...alertKeys.all(workspace), 'templates'] as const,
};

function workspacePath(workspace: string): string {
  return `/api/workspaces/${encodeURIComponent(workspace)}`;
}

function rulesPath(workspace: string, id?: string): string {
  const path = `${workspacePath(workspace)}/alert-rules`;
  return id === undefined ? path : `${path}/${encodeURIComponent(id)}`;
}

function useInvalidateAlerts(workspace: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: alertKeys.all(workspace) });
}

/** Rules run every 5 minutes at the most often: the list looks again each minute it is open. */
const ALERTS_REFRESH_MS = 60_000;

/** `GET …/alerts[?state=]`: firing first, then acknowledged, then resolved (viewers). */
export function useAlerts(workspace: string, state?: AlertState) {
  return useQuery({
    queryKey: alertKeys.alerts(workspace, state),
    queryFn: ({ signal }) =>
      apiGet(
        `${workspacePath(workspace)}/alerts${state ? `?state=${state}` : ''}`,
        alertListSchema,
        { signal },
      ),
    refetchInterval: ALERTS_REFRESH_MS,
  });
}

/** `POST …/alerts/:id/acknowledge` (editors); a resolved alert is a 409. */
export function useAcknowledgeAlert(workspace: string) {
  const invalidate = useInvalidateAlerts(workspace);
  return useMutation({
    mutationFn: (id: string) =>
      apiSend(
        'POST',
        `${workspacePath(workspace)}/alerts/${encodeURIComponent(id)}/acknowledge`,
        undefined,
        alertSchema,
      ),
    onSettled: invalidate,
  });
}

/** `GET …/alert-rules` (viewers). */
export function useAlertRules(workspace: string) {
  return useQuery({
    queryKey: alertKeys.rules(workspace),
    queryFn: ({ signal }) => apiGet(rulesPath(workspace), alertRuleListSchema, { signal }),
  });
}

/** `GET …/alert-rules/:id` (viewers). */
export function useAlertRule(workspace: string, id: string | undefined) {
  return useQuery({
    queryKey: alertKeys.rule(workspace, id ?? ''),
    queryFn: ({ signal }) => apiGet(rulesPath(workspace, id), alertRuleSchema, { signal }),
    enabled: id !== undefined,
  });
}

/**
 * `GET …/alert-rules/templates`: ready-made rules to start from. A server without the route
 * answers 404, and the picker then stays hidden — so no retries.
 */
export function useAlertRuleTemplates(workspace: string) {
  return useQuery({
    queryKey: alertKeys.templates(workspace),
    queryFn: ({ signal }) =>
      apiGet(`${rulesPath(workspace)}/templates`, alertRuleTemplateListSchema, { signal }),
    staleTime: Infinity,
    retry: false,
  });
}

/** `POST …/alert-rules` (editors). */
export function useCreateAlertRule(workspace: string) {
  const invalidate = useInvalidateAlerts(workspace);
  return useMutation({
    mutationFn: (input: AlertRuleInput) =>
      apiSend('POST', rulesPath(workspace), input, alertRuleSchema),
    onSuccess: invalidate,
  });
}

/** `PATCH …/alert-rules/:id` with the version edited (editors); a stale version is a 409. */
export function useUpdateAlertRule(workspace: string) {
  const invalidate = useInvalidateAlerts(workspace);
  return useMutation({
    mutationFn: ({ id, ...patch }: AlertRulePatch & { id: string }) =>
      apiSend('PATCH', rulesPath(workspace, id), patch, alertRuleSchema),
    onSuccess: invalidate,
  });
}

/** `DELETE …/alert-rules/:id` (editors): its alerts go with it. */
export function useDeleteAlertRule(workspace: string) {
  const invalidate = useInvalidateAlerts(workspace);
  return useMutation({
    mutationFn: (id: string) => apiSend('DELETE', rulesPath(workspace, id)),
    onSuccess: invalidate,
  });
}

export type AlertRuleTestRequest =
  { ruleId: string; days: number } | { rule: AlertRuleInput; days: number };

/**
 * "Test rule" (editors): `POST …/alert-rules/:id/test {days}` for a saved rule,
 * `POST …/alert-rules/test {rule, days}` for one not saved yet. Fires nothing.
 */
export function useTestAlertRule(workspace: string) {
  return useMutation({
    mutationFn: (request: AlertRuleTestRequest) =>
      'ruleId' in request
        ? apiSend(
            'POST',
            `${rulesPath(workspace, request.ruleId)}/test`,
            { days: request.days },
            alertRuleTestResultSchema,
          )
        : apiSend(
            'POST',
            `${rulesPath(workspace)}/test`,
            { rule: request.rule, days: request.days },
            alertRuleTestResultSchema,
          ),
  });
}
