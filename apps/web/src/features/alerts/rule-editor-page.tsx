import type { AlertRule } from '@bearing/contracts';
import { Alert as Notice, Anchor, Breadcrumbs, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useAlertRule, useAlertRuleTemplates } from '../../api/alerts';
import { workspacePath } from '../../app/layout/navigation-items';
import { ErrorAlert } from '../../components/error-alert';
import { LoadingRows } from '../../components/loading-rows';
import { PageHeader } from '../../components/page-header';
import { useDocumentTitle } from '../../components/use-document-title';
import { canEdit } from '../workspaces/roles';
import { useWorkspace } from '../workspaces/use-workspace';
import { blankRule, valuesOf } from './rule-draft';
import { RuleForm } from './rule-form';

/**
 * `/w/:workspace/alerts/rules/new` (`?query=` from Explore's "Create alert rule", `?template=`
 * from the template picker) and `/w/:workspace/alerts/rules/:ruleId`: the rule editor. Viewers
 * see a saved rule read-only.
 */
export function RuleEditorPage() {
  const { ruleId } = useParams();
  const workspace = useWorkspace();
  return ruleId === undefined || ruleId === 'new' ? (
    <NewRule workspace={workspace.slug} editable={canEdit(workspace.role)} />
  ) : (
    <SavedRule workspace={workspace.slug} id={ruleId} editable={canEdit(workspace.role)} />
  );
}

function Header({ workspace, title }: { workspace: string; title: string }) {
  useDocumentTitle(title);
  return (
    <PageHeader
      above={
        <Breadcrumbs separator="›">
          <Anchor component={Link} to={workspacePath(workspace, 'alerts/rules')} size="sm">
            Alert rules
          </Anchor>
          <Text size="sm">{title}</Text>
        </Breadcrumbs>
      }
      title={title}
      description="A query, a schedule and a trigger: the rule runs on its own and fires an alert when any row matches. Test it before saving — a test fires nothing."
    />
  );
}

function useBackToRules(workspace: string) {
  const navigate = useNavigate();
  return () => void navigate(workspacePath(workspace, 'alerts/rules'));
}

function NewRule({ workspace, editable }: { workspace: string; editable: boolean }) {
  const [params] = useSearchParams();
  const templateId = params.get('template');
  const query = params.get('query') ?? '';
  const back = useBackToRules(workspace);
  if (!editable) {
    return (
      <Stack gap="lg">
        <Header workspace={workspace} title="New alert rule" />
        <Text c="dimmed">Only the editors of this workspace write alert rules.</Text>
      </Stack>
    );
  }
  return (
    <Stack gap="lg">
      <Header workspace={workspace} title="New alert rule" />
      {templateId === null ? (
        <RuleForm workspace={workspace} initialValues={blankRule(query)} editable onSaved={back} />
      ) : (
        <FromTemplate workspace={workspace} templateId={templateId} onSaved={back} />
      )}
    </Stack>
  );
}

/** The editor filled in from a template, once the templates have loaded. */
function FromTemplate({
  workspace,
  templateId,
  onSaved,
}: {
  workspace: string;
  templateId: string;
  onSaved: () => void;
}) {
  const templates = useAlertRuleTemplates(workspace);
  if (templates.isPending) return <LoadingRows label="Loading the template" rows={4} height={48} />;
  const template = templates.data?.items.find((candidate) => candidate.id === templateId);
  return (
    <Stack gap="md">
      {template ? (
        <Text c="dimmed">
          From the template “{template.name}”: {template.description}
        </Text>
      ) : (
        <Notice color="yellow" title="That template is not offered">
          The editor starts from a blank rule instead.
        </Notice>
      )}
      <RuleForm
        workspace={workspace}
        initialValues={template ? valuesOf(template.rule) : blankRule()}
        editable
        onSaved={onSaved}
      />
    </Stack>
  );
}

function SavedRule({
  workspace,
  id,
  editable,
}: {
  workspace: string;
  id: string;
  editable: boolean;
}) {
  const rule = useAlertRule(workspace, id);
  const back = useBackToRules(workspace);
  // Bumped on "Load the latest version" after a 409, so the form starts over from the reload.
  const [generation, setGeneration] = useState(0);
  if (rule.isPending) {
    return (
      <Stack gap="lg">
        <Header workspace={workspace} title="Alert rule" />
        <LoadingRows label="Loading the rule" rows={4} height={48} />
      </Stack>
    );
  }
  if (rule.isError) {
    return (
      <Stack gap="lg">
        <Header workspace={workspace} title="Alert rule" />
        <ErrorAlert
          title="The rule could not be loaded"
          error={rule.error}
          onRetry={() => void rule.refetch()}
        />
      </Stack>
    );
  }
  const saved: AlertRule = rule.data;
  return (
    <Stack gap="lg">
      <Header workspace={workspace} title={saved.name} />
      {!editable && (
        <Text c="dimmed">You can read this rule; only editors change or test alert rules.</Text>
      )}
      <RuleForm
        // An editor's form starts over only on "Load the latest version": a refetch bringing
        // someone else's save keeps the edits in progress (saving them is then a 409). A viewer's
        // read-only form shows each version as it comes.
        key={editable ? `edit:${generation}` : `read:${saved.version}`}
        workspace={workspace}
        rule={saved}
        initialValues={valuesOf(saved)}
        editable={editable}
        onSaved={back}
        onReload={() => {
          void rule.refetch().then(() => setGeneration((current) => current + 1));
        }}
      />
    </Stack>
  );
}
