import { Alert, Button, Group, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { usePutWebhookSigning, useRotateWebhook, useTeamWebhook } from '../../../api/jira';
import { ConfirmModal } from '../../../components/confirm-modal';
import { DateTime } from '../../../components/date-time';
import { ErrorAlert } from '../../../components/error-alert';
import { SecretValue } from '../../../components/secret-value';

export interface WebhookAddressNoticeProps {
  url: string;
  onDone: () => void;
}

/** The webhook address, shown the one time the API sends it (creation or rotation). */
export function WebhookAddressNotice({ url, onDone }: WebhookAddressNoticeProps) {
  return (
    <Alert color="blue" title="The team's Jira webhook address" role="status">
      <Stack gap="sm">
        <Text size="sm">
          For syncs within seconds of a change, add a webhook in Jira (System → WebHooks) for issue
          created, updated and deleted events, with this address. This is the only time Bearing
          shows it; a new one can be made below.
        </Text>
        <SecretValue label="Webhook address" value={url} />
        <Group justify="flex-end">
          <Button size="xs" variant="white" onClick={onDone}>
            I have copied it
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

export interface WebhookSectionProps {
  workspace: string;
  teamId: string;
  editor: boolean;
  /** A rotation answers the new address: the tab shows it once. */
  onRotated: (url: string) => void;
}

/**
 * Jira's webhook for this team: whether its requests must be signed, when the last came, a new
 * address (the old one stops at once), and the signing secret Jira was given.
 */
export function WebhookSection({ workspace, teamId, editor, onRotated }: WebhookSectionProps) {
  const webhook = useTeamWebhook(workspace, teamId);
  const signing = usePutWebhookSigning(workspace, teamId);
  const rotate = useRotateWebhook(workspace, teamId);
  const [confirming, setConfirming] = useState(false);
  const [secret, setSecret] = useState('');
  const closeConfirm = () => {
    rotate.reset();
    setConfirming(false);
  };

  return (
    <Stack gap="sm" component="section" aria-label="Jira webhook">
      <Title order={2} size="h4">
        Jira webhook
      </Title>
      {webhook.isError && (
        <ErrorAlert title="The webhook could not be loaded" error={webhook.error} />
      )}
      {webhook.data && (
        <Text size="sm" c="dimmed">
          {webhook.data.signed
            ? 'Requests must carry a valid X-Hub-Signature.'
            : 'Requests are not signed: the address alone proves them.'}{' '}
          {webhook.data.lastReceivedAt ? (
            <>
              Last request: <DateTime value={webhook.data.lastReceivedAt} />.
            </>
          ) : (
            'No request yet.'
          )}
        </Text>
      )}
      {editor && (
        <>
          <Group align="flex-end" gap="xs">
            <PasswordInput
              label="Signing secret"
              description="The secret given to the webhook in Jira, so only Jira's requests are taken."
              autoComplete="off"
              value={secret}
              onChange={(event) => setSecret(event.currentTarget.value)}
              w={360}
            />
            <Button
              variant="default"
              disabled={secret === ''}
              loading={signing.isPending && signing.variables.signingSecret !== null}
              onClick={() =>
                signing.mutate({ signingSecret: secret }, { onSuccess: () => setSecret('') })
              }
            >
              Save secret
            </Button>
            {webhook.data?.signed && (
              <Button
                variant="subtle"
                color="red"
                loading={signing.isPending && signing.variables.signingSecret === null}
                onClick={() => signing.mutate({ signingSecret: null })}
              >
                Stop checking signatures
              </Button>
            )}
          </Group>
          {signing.error && <ErrorAlert title="Not saved" error={signing.error} />}
          <Group>
            <Button variant="light" onClick={() => setConfirming(true)}>
              New webhook address
            </Button>
          </Group>
          <ConfirmModal
            opened={confirming}
            title="New webhook address"
            confirmLabel="Make a new address"
            onConfirm={() =>
              rotate.mutate(undefined, {
                onSuccess: (source) => {
                  closeConfirm();
                  if (source.webhookUrl) onRotated(source.webhookUrl);
                },
              })
            }
            onClose={closeConfirm}
            pending={rotate.isPending}
            error={rotate.error}
            errorTitle="No new address"
          >
            The current address stops working at once: Jira&apos;s webhook must be given the new
            one.
          </ConfirmModal>
        </>
      )}
    </Stack>
  );
}
