import { Modal } from '@mantine/core';
import { useNavigate } from 'react-router';
import { workspacePath } from '../../app/layout/navigation-items';
import { CreateWorkspaceForm } from './create-workspace-form';

export interface CreateWorkspaceModalProps {
  opened: boolean;
  onClose: () => void;
}

/** "Create workspace" from the switcher: on success, straight into the new workspace. */
export function CreateWorkspaceModal({ opened, onClose }: CreateWorkspaceModalProps) {
  const navigate = useNavigate();
  return (
    <Modal opened={opened} onClose={onClose} title="Create a workspace" centered>
      {opened && (
        <CreateWorkspaceForm
          onCancel={onClose}
          onCreated={(workspace) => {
            onClose();
            void navigate(workspacePath(workspace.slug, ''));
          }}
        />
      )}
    </Modal>
  );
}
