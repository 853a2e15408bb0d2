import type { KeyResult } from '@bearing/contracts';
import { useDeleteKeyResult } from '../../api/okrs';
import { ConfirmModal } from '../../components/confirm-modal';

export interface DeleteKeyResultModalProps {
  workspace: string;
  /** The key result to delete; the dialog is closed without one. */
  keyResult: KeyResult | null;
  onClose: () => void;
  /** After the delete, before the dialog closes (e.g. leave the key result's own page). */
  onDeleted?: (() => void) | undefined;
}

/** Asks before deleting a key result, and says what goes with it and what stays. */
export function DeleteKeyResultModal({
  workspace,
  keyResult,
  onClose,
  onDeleted,
}: DeleteKeyResultModalProps) {
  const remove = useDeleteKeyResult(workspace);
  const close = () => {
    onClose();
    remove.reset();
  };
  return (
    <ConfirmModal
      opened={keyResult !== null}
      title="Delete key result"
      confirmLabel="Delete key result"
      onClose={close}
      pending={remove.isPending}
      error={remove.error}
      errorTitle="Key result not deleted"
      onConfirm={() =>
        keyResult &&
        remove.mutate(keyResult.id, {
          onSuccess: () => {
            onDeleted?.();
            close();
          },
        })
      }
    >
      Delete <strong>{keyResult?.title}</strong>? Its check-ins go with it, and its objective’s
      progress and score then come from its other key results. Status reports already published keep
      showing it as it was.
    </ConfirmModal>
  );
}
