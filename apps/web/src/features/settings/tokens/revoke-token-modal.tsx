import type { ApiToken } from '@bearing/contracts';
import { useRevokeToken } from '../../../api/tokens';
import { ConfirmModal } from '../../../components/confirm-modal';

export interface RevokeTokenModalProps {
  workspace: string;
  /** The token to revoke; `null` keeps the dialog closed. */
  token: ApiToken | null;
  /** `owner` revokes one's own token; `admin` any token of the workspace. */
  as: 'owner' | 'admin';
  onClose: () => void;
}

/** Asks before revoking: scripts using the token stop working at once. */
export function RevokeTokenModal({ workspace, token, as, onClose }: RevokeTokenModalProps) {
  const revoke = useRevokeToken(workspace, as);
  const close = () => {
    revoke.reset();
    onClose();
  };
  return (
    <ConfirmModal
      opened={token !== null}
      title="Revoke API token"
      confirmLabel="Revoke token"
      onConfirm={() => token && revoke.mutate(token.id, { onSuccess: close })}
      onClose={close}
      pending={revoke.isPending}
      error={revoke.error}
      errorTitle="Not revoked"
    >
      Revoke <strong>{token?.name}</strong>
      {as === 'admin' && token ? ` of ${token.owner.displayName}` : ''}? Anything that uses it is
      refused from now on. This cannot be undone.
    </ConfirmModal>
  );
}
