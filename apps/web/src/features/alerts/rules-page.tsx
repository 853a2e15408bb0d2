import type { AlertRule } from '@bearing/contracts';
import { Alert as Notice, Button, Stack } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError, describeError } from '../../api/api-error';
import {
  useAlertRules,
  useAlertRuleTemplates,
  useDeleteAlertRule,
  useUpdateAlertRule,
} from '../../api/alerts';
import { workspacePath } from '../../app/layout/navigation-items';
import { ConfirmModal } from '../../components/confirm-modal';
import { EmptyPanel } from '../../components/empty-panel';
import { ErrorAlert } from '../../components/error-alert';
import { LoadingRows } from '../../components/loading-rows';
import { PageHeader } from '../../components/page-header';
import { useDocumentTitle } from '../../components/use-document-title';
import { useNow } from '../../components/use-now';
import { canEdit } from '../workspaces/roles';
import { useWorkspace } from '../workspaces/use-workspace';
import { AlertsTabs } from './alerts-tabs';
import { RulesTable } from './rules-table';
import { TemplatePicker } from './template-picker';

/** Why turning a rule on or off did not take, in words. */
function toggleFailure(error: unknown): string {
  if (error instanceof ApiError && error.status === 409) {
    return 'Someone changed this rule since the list was loaded. The list now shows their version; try again.';
  }
  return describeError(error);
}

/**
 * `/w/:workspace/alerts/rules`: the workspace's alert rules — schedule, severity, on or off, how
 * the last run went. Editors add one (blank or from a template), turn it on or off, edit it and
 * delete it.
 */
export function RulesPage() {
  useDocumentTitle('Alert rules');
  const workspace = useWorkspace();
  const editor = canEdit(workspace.role);
  const rules = useAlertRules(workspace.slug);
  const update = useUpdateAlertRule(workspace.slug);
  const remove = useDeleteAlertRule(workspace.slug);
  const [deleting, setDeleting] = useState<AlertRule | null>(null);
  const [picking, setPicking] = useState(false);
  const [failure, setFailure] = useState<{ title: string; message: string } | null>(null);
  const now = useNow();
  const rulePath = (id: string) => workspacePath(workspace.slug, `alerts/rules/${id}`);
  const newRulePath = workspacePath(workspace.slug, 'alerts/rules/new');

  const onToggle = (rule: AlertRule, enabled: boolean) => {
    setFailure(null);
    update.mutate(
      { id: rule.id, enabled, version: rule.version },
      {
        onError: (error) => {
          setFailure({
            title: `${rule.name} was not turned ${enabled ? 'on' : 'off'}`,
            message: toggleFailure(error),
          });
          void rules.refetch();
        },
      },
    );
  };

  const actions = editor && (
    <>
      <TemplateButton workspace={workspace.slug} onPick={() => setPicking(true)} />
      <Button component={Link} to={newRulePath}>
        New rule
      </Button>
    </>
  );

  return (
    <Stack gap="lg">
      <PageHeader
        title="Alert rules"
        description="A rule is a query, a schedule and a trigger, as in Sentinel or Splunk: it runs on its own and fires an alert when its trigger matches."
        actions={actions}
      />
      <AlertsTabs workspace={workspace.slug} active="rules" />
      {failure && (
        <Notice
          color="red"
          title={failure.title}
          role="alert"
          withCloseButton
          onClose={() => setFailure(null)}
        >
          {failure.message}
        </Notice>
      )}
      {rules.isPending ? (
        <LoadingRows label="Loading alert rules" rows={3} height={48} />
      ) : rules.isError ? (
        <ErrorAlert
          title="Alert rules could not be loaded"
          error={rules.error}
          onRetry={() => void rules.refetch()}
        />
      ) : rules.data.items.length === 0 ? (
        <EmptyPanel
          title="No alert rules yet"
          description={
            editor
              ? 'Write a query on Explore and make it a rule, start from a template, or write one here.'
              : 'The editors of this workspace have not set up any alert rules yet.'
          }
          action={
            editor && (
              <Button component={Link} to={newRulePath} variant="light">
                Write a rule
              </Button>
            )
          }
        />
      ) : (
        <RulesTable
          rules={rules.data.items}
          now={now}
          rulePath={rulePath}
          editable={editor}
          onToggle={onToggle}
          toggling={update.isPending ? update.variables.id : undefined}
          onDelete={(rule) => {
            remove.reset();
            setDeleting(rule);
          }}
        />
      )}
      <ConfirmModal
        opened={deleting !== null}
        title="Delete this rule?"
        confirmLabel="Delete rule"
        pending={remove.isPending}
        error={remove.error}
        errorTitle="The rule was not deleted"
        onClose={() => setDeleting(null)}
        onConfirm={() => {
          if (deleting) remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) });
        }}
      >
        “{deleting?.name}” stops running, and its alerts — firing or resolved — are deleted with it.
      </ConfirmModal>
      {picking && (
        <TemplatePickerLoaded
          workspace={workspace.slug}
          onClose={() => setPicking(false)}
          editorPath={(id) => `${newRulePath}?template=${encodeURIComponent(id)}`}
        />
      )}
    </Stack>
  );
}

/** "From a template", shown only when the server offers templates. */
function TemplateButton({ workspace, onPick }: { workspace: string; onPick: () => void }) {
  const templates = useAlertRuleTemplates(workspace);
  if (!templates.isSuccess || templates.data.items.length === 0) return null;
  return (
    <Button variant="default" onClick={onPick}>
      From a template
    </Button>
  );
}

function TemplatePickerLoaded({
  workspace,
  onClose,
  editorPath,
}: {
  workspace: string;
  onClose: () => void;
  editorPath: (id: string) => string;
}) {
  const templates = useAlertRuleTemplates(workspace);
  return (
    <TemplatePicker
      opened
      onClose={onClose}
      templates={templates.data?.items ?? []}
      editorPath={editorPath}
    />
  );
}
