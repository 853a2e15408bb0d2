import type { ApiToken, Workspace } from '@bearing/contracts';
import { Stack } from '@mantine/core';
import { useState } from 'react';
import { useWorkspaceTokens } from '../../../api/tokens';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadMore } from '../load-more';
import { SectionHeader } from '../section-header';
import { EmptyTable, TableSkeleton } from '../table-states';
import { RevokeTokenModal } from './revoke-token-modal';
import { TokensTable } from './tokens-table';

/** For admins: every member's tokens in the workspace, each revocable. */
export function WorkspaceTokensSection({
  workspace,
  currentUserId,
}: {
  workspace: Workspace;
  currentUserId: string;
}) {
  const tokens = useWorkspaceTokens(workspace.slug, true);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  return (
    <Stack gap="md">
      <SectionHeader
        title="All tokens in this workspace"
        description={`Every member's active tokens for ${workspace.name}. Revoke one that leaked or is no longer needed; its owner can make a new one.`}
      />
      {tokens.isPending ? (
        <TableSkeleton label="Loading the workspace's tokens" />
      ) : tokens.isError ? (
        <ErrorAlert
          title="Tokens could not be loaded"
          error={tokens.error}
          onRetry={tokens.refetch}
        />
      ) : tokens.items.length === 0 ? (
        <EmptyTable>No member has an API token for this workspace.</EmptyTable>
      ) : (
        <>
          <TokensTable
            tokens={tokens.items}
            showOwner
            currentUserId={currentUserId}
            onRevoke={setRevoking}
          />
          <LoadMore
            shown={tokens.items.length}
            noun="token"
            hasMore={tokens.hasMore}
            loading={tokens.isLoadingMore}
            onLoadMore={tokens.loadMore}
          />
        </>
      )}
      <RevokeTokenModal
        workspace={workspace.slug}
        token={revoking}
        as="admin"
        onClose={() => setRevoking(null)}
      />
    </Stack>
  );
}
