import type { KeyResult, Objective, Period } from '@bearing/contracts';
import { Modal, Text } from '@mantine/core';
import { CheckInForm } from './check-in-form';
import { describeTarget } from './key-result-summary';
import { KeyResultForm } from './key-result-form';
import { ObjectiveForm } from './objective-form';
import { PeriodForm } from './period-form';

/** Which form is open on the OKRs page. */
export type OkrDialog =
  | { kind: 'new-period' }
  | { kind: 'edit-period'; period: Period }
  | { kind: 'new-objective'; parentId: string | null }
  | { kind: 'edit-objective'; objective: Objective }
  | { kind: 'new-key-result'; objectiveId: string }
  | { kind: 'edit-key-result'; keyResult: KeyResult }
  | { kind: 'check-in'; keyResult: KeyResult };

export interface OkrDialogsProps {
  workspace: string;
  dialog: OkrDialog | null;
  onClose: () => void;
  periods: readonly Period[];
  /** Objectives of the period shown (a key result's possible objectives). */
  objectives: readonly Objective[];
  currentUserId: string;
  currentPeriodId: string | undefined;
  /** After a new period is created: show it. */
  onPeriodCreated: (period: Period) => void;
}

const TITLES: Record<OkrDialog['kind'], string> = {
  'new-period': 'New period',
  'edit-period': 'Edit period',
  'new-objective': 'New objective',
  'edit-objective': 'Edit objective',
  'new-key-result': 'New key result',
  'edit-key-result': 'Edit key result',
  'check-in': 'Check in',
};

/** The OKRs page's forms, one at a time, in a dialog. */
export function OkrDialogs({
  workspace,
  dialog,
  onClose,
  periods,
  objectives,
  currentUserId,
  currentPeriodId,
  onPeriodCreated,
}: OkrDialogsProps) {
  return (
    <Modal
      opened={dialog !== null}
      onClose={onClose}
      title={dialog ? TITLES[dialog.kind] : ''}
      size={dialog?.kind === 'new-key-result' || dialog?.kind === 'edit-key-result' ? 'lg' : 'md'}
      centered
    >
      {dialog?.kind === 'new-period' && (
        <PeriodForm
          workspace={workspace}
          onSaved={(period) => {
            onPeriodCreated(period);
            onClose();
          }}
          onCancel={onClose}
        />
      )}
      {dialog?.kind === 'edit-period' && (
        <PeriodForm
          workspace={workspace}
          period={dialog.period}
          onSaved={onClose}
          onCancel={onClose}
        />
      )}
      {(dialog?.kind === 'new-objective' || dialog?.kind === 'edit-objective') && (
        <ObjectiveForm
          workspace={workspace}
          periods={periods}
          defaultOwnerId={currentUserId}
          defaultPeriodId={currentPeriodId}
          objective={dialog.kind === 'edit-objective' ? dialog.objective : undefined}
          defaultParentId={dialog.kind === 'new-objective' ? dialog.parentId : undefined}
          onSaved={onClose}
          onCancel={onClose}
        />
      )}
      {(dialog?.kind === 'new-key-result' || dialog?.kind === 'edit-key-result') && (
        <KeyResultForm
          workspace={workspace}
          objectives={objectives}
          defaultObjectiveId={
            dialog.kind === 'new-key-result' ? dialog.objectiveId : dialog.keyResult.objectiveId
          }
          keyResult={dialog.kind === 'edit-key-result' ? dialog.keyResult : undefined}
          onSaved={onClose}
          onCancel={onClose}
        />
      )}
      {dialog?.kind === 'check-in' && (
        <>
          <Text size="sm" fw={600}>
            {dialog.keyResult.title}
          </Text>
          <Text size="sm" c="dimmed" mb="md">
            {describeTarget(dialog.keyResult)}
          </Text>
          <CheckInForm
            workspace={workspace}
            keyResult={dialog.keyResult}
            period={periodOf(dialog.keyResult, objectives, periods)}
            onSaved={onClose}
            onCancel={onClose}
          />
        </>
      )}
    </Modal>
  );
}

/** The period of a key result's objective, when both are among those loaded. */
function periodOf(
  keyResult: KeyResult,
  objectives: readonly Objective[],
  periods: readonly Period[],
): Period | undefined {
  const objective = objectives.find(({ id }) => id === keyResult.objectiveId);
  return periods.find(({ id }) => id === objective?.periodId);
}
