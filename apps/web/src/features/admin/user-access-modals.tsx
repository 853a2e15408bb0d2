import type { AdminUser } from '@bearing/contracts';
import { useEndUserSessions, useSetInstanceAdmin } from '../../api/admin';
import { ConfirmModal } from '../../components/confirm-modal';

/** Asks before granting or taking away instance administration, saying what it gives. */
export function InstanceAdminModal({
  user,
  onClose,
}: {
  user: AdminUser | null;
  onClose: () => void;
}) {
  const setInstanceAdmin = useSetInstanceAdmin();
  const close = () => {
    setInstanceAdmin.reset();
    onClose();
  };
  if (!user) return null;
  const granting = !user.instanceAdmin;
  return (
    <ConfirmModal
      opened
      title={granting ? 'Make instance administrator' : 'Remove instance administrator'}
      confirmLabel={granting ? 'Make administrator' : 'Remove administrator'}
      pending={setInstanceAdmin.isPending}
      error={setInstanceAdmin.error}
      errorTitle="Not changed"
      onClose={close}
      onConfirm={() =>
        setInstanceAdmin.mutate({ id: user.id, instanceAdmin: granting }, { onSuccess: close })
      }
    >
      {granting ? (
        <>
          <strong>{user.displayName}</strong> ({user.email}) can then manage every account of this
          instance, decide who may create workspaces, and read the instance audit log. It does not
          open any workspace to them.
        </>
      ) : (
        <>
          <strong>{user.displayName}</strong> ({user.email}) keeps their workspaces but can no
          longer administer the instance. The last administrator cannot be removed.
        </>
      )}
    </ConfirmModal>
  );
}

/**
 * Signs an account out everywhere (a lost laptop, a session nobody recognises); its API tokens
 * stay — deactivating the account ends those too. `onEnded` hears how many sessions ended.
 */
export function EndSessionsModal({
  user,
  onClose,
  onEnded,
}: {
  user: AdminUser | null;
  onClose: () => void;
  onEnded: (user: AdminUser, revoked: number) => void;
}) {
  const endSessions = useEndUserSessions();
  const close = () => {
    endSessions.reset();
    onClose();
  };
  if (!user) return null;
  return (
    <ConfirmModal
      opened
      title="Sign out everywhere"
      confirmLabel="Sign out"
      pending={endSessions.isPending}
      error={endSessions.error}
      errorTitle="Not signed out"
      onClose={close}
      onConfirm={() =>
        endSessions.mutate(user.id, {
          onSuccess: ({ revoked }) => {
            onEnded(user, revoked);
            close();
          },
        })
      }
    >
      Every session of <strong>{user.displayName}</strong> ({user.email}) ends at its next request;
      they can sign in again. Their API tokens keep working — deactivate the account to end those
      too.
    </ConfirmModal>
  );
}
