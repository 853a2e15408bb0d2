import { Anchor, Modal, Stack } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useProgram } from '../../api/programs';
import { useSignedIn } from '../../app/auth/signed-in-context';
import { workspacePath } from '../../app/layout/navigation-items';
import { ErrorAlert } from '../../components/error-alert';
import { LoadingRows } from '../../components/loading-rows';
import { PageHeader } from '../../components/page-header';
import { useDocumentTitle } from '../../components/use-document-title';
import { canEdit } from '../workspaces/roles';
import { useWorkspace } from '../workspaces/use-workspace';
import { DependenciesSection } from './dependencies-section';
import { MilestonesSection } from './milestones-section';
import { ProgramGuardrails } from './program-guardrails';
import { ProgramHeader } from './program-header';
import { ProgramObjectives } from './program-objectives';
import { RaidSection } from './raid-section';
import { ReportHistory } from './report-history';

// The dialog's form (and its date and select inputs) loads when the dialog first opens.
const ProgramForm = lazy(async () => ({ default: (await import('./program-form')).ProgramForm }));

/**
 * `/w/:workspace/programs/:id`, the stakeholder view: health and its trend, objectives with
 * pace, milestones against their baseline, the RAID log, dependencies and the published reports.
 */
export function ProgramPage() {
  const { id = '' } = useParams();
  const workspace = useWorkspace();
  const { user } = useSignedIn();
  const editor = canEdit(workspace.role);
  const program = useProgram(workspace.slug, id);
  const [editing, setEditing] = useState(false);
  useDocumentTitle(program.data?.name ?? 'Program');

  if (program.isPending || program.isError) {
    return (
      <Stack gap="lg">
        <PageHeader title="Program" above={<BackToPrograms workspace={workspace.slug} />} />
        {program.isPending ? (
          <LoadingRows label="Loading the program" rows={4} height={120} />
        ) : (
          <ErrorAlert
            title="The program could not be loaded"
            error={program.error}
            onRetry={() => void program.refetch()}
          />
        )}
      </Stack>
    );
  }
  const slug = workspace.slug;
  return (
    <Stack gap="lg">
      <ProgramHeader
        workspace={slug}
        program={program.data}
        onEdit={editor ? () => setEditing(true) : undefined}
      />
      <ProgramObjectives workspace={slug} program={program.data} />
      <ProgramGuardrails workspace={slug} program={program.data} />
      <MilestonesSection
        workspace={slug}
        programId={id}
        programEnd={program.data.end}
        editor={editor}
      />
      <RaidSection workspace={slug} programId={id} editor={editor} />
      <DependenciesSection workspace={slug} programId={id} editor={editor} />
      <ReportHistory workspace={slug} programId={id} />
      {editor && (
        <Modal opened={editing} onClose={() => setEditing(false)} title="Edit program" centered>
          <Suspense fallback={<LoadingRows label="Loading the form" rows={3} height={36} />}>
            <ProgramForm
              workspace={slug}
              defaultOwnerId={user.id}
              program={program.data}
              onSaved={() => setEditing(false)}
              onCancel={() => setEditing(false)}
            />
          </Suspense>
        </Modal>
      )}
    </Stack>
  );
}

function BackToPrograms({ workspace }: { workspace: string }) {
  return (
    <Anchor component={Link} to={workspacePath(workspace, 'programs')} size="sm">
      ‹ All programs
    </Anchor>
  );
}
