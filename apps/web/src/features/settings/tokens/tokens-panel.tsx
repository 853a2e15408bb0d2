import type { ApiToken, CreatedTokenResponse } from '@bearing/contracts';
import { Button, Divider, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { useMyTokens } from '../../../api/tokens';
import { useSignedIn } from '../../../app/auth/signed-in-context';
import { ErrorAlert } from '../../../components/error-alert';
import { isAdmin } from '../../workspaces/roles';
import { useWorkspace } from '../../workspaces/use-workspace';
import { SectionHeader } from '../section-header';
import { EmptyTable, TableSkeleton } from '../table-states';
import { CreateTokenForm } from './create-token-form';
import { CreatedTokenNotice } from './created-token-notice';
import { RevokeTokenModal } from './revoke-token-modal';
import { TokensTable } from './tokens-table';
import { WorkspaceTokensSection } from './workspace-tokens-section';

/**
 * `/w/:workspace/settings/tokens`: the signed-in user's tokens for this workspace — create (the
 * secret is shown once), see when each was last used, revoke. Admins also see everyone's.
 */
export function TokensPanel() {
  const workspace = useWorkspace();
  const { user } = useSignedIn();
  const myTokens = useMyTokens();
  const [created, setCreated] = useState<CreatedTokenResponse | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  // `/api/me/tokens` lists every workspace's; this page is about one.
  const tokens = myTokens.items.filter((token) => token.workspace.id === workspace.id);

  return (
    <Stack gap="xl">
      <Stack gap="md">
        <SectionHeader
          title="Your API tokens"
          description={`For scripts, CI jobs and data warehouses that read or write ${workspace.name} on your behalf. A token never does more than your own role allows.`}
        />
        {created ? (
          <CreatedTokenNotice token={created} onDone={() => setCreated(null)} />
        ) : (
          <CreateTokenForm workspace={workspace} onCreated={setCreated} />
        )}
        {myTokens.isPending ? (
          <TableSkeleton label="Loading your tokens" />
        ) : myTokens.isError ? (
          <ErrorAlert
            title="Your tokens could not be loaded"
            error={myTokens.error}
            onRetry={myTokens.refetch}
          />
        ) : tokens.length === 0 ? (
          <EmptyTable>You have no API tokens for this workspace yet.</EmptyTable>
        ) : (
          <TokensTable tokens={tokens} currentUserId={user.id} onRevoke={setRevoking} />
        )}
        {myTokens.hasMore && (
          <Group justify="flex-end">
            <Button variant="default" onClick={myTokens.loadMore} loading={myTokens.isLoadingMore}>
              Load more
            </Button>
          </Group>
        )}
      </Stack>
      {isAdmin(workspace.role) && (
        <>
          <Divider />
          <WorkspaceTokensSection workspace={workspace} currentUserId={user.id} />
        </>
      )}
      <RevokeTokenModal
        workspace={workspace.slug}
        token={revoking}
        as="owner"
        onClose={() => setRevoking(null)}
      />
    </Stack>
  );
}
