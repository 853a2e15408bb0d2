import type { AddMemberResponse } from '@bearing/contracts';
import { Modal } from '@mantine/core';
import { useState } from 'react';
import { AddMemberForm } from './add-member-form';
import { AddMemberResult } from './add-member-result';

export interface AddMemberModalProps {
  workspace: string;
  opened: boolean;
  onClose: () => void;
}

/** The form, then — in the same dialog — what happened, with an invite link to copy. */
export function AddMemberModal({ workspace, opened, onClose }: AddMemberModalProps) {
  const [result, setResult] = useState<AddMemberResponse | null>(null);
  const close = () => {
    setResult(null);
    onClose();
  };
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={result?.invitation ? 'Invite link created' : result ? 'Member added' : 'Add a member'}
      size="lg"
      centered
    >
      {result ? (
        <AddMemberResult result={result} onDone={close} />
      ) : (
        opened && <AddMemberForm workspace={workspace} onAdded={setResult} onCancel={close} />
      )}
    </Modal>
  );
}
