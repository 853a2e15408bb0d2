import {
  type CreatedTokenResponse,
  createTokenRequestSchema,
  TOKEN_MAX_DAYS,
  type TokenScope,
  tokenScopeSchema,
  type Workspace,
} from '@bearing/contracts';
import { Alert, Button, Group, NativeSelect, Paper, Stack, Text, TextInput } from '@mantine/core';
import { ApiError, describeError } from '../../../api/api-error';
import { useCreateToken } from '../../../api/tokens';
import {
  type ContractForm,
  contractRequest,
  useContractForm,
} from '../../../components/use-contract-form';
import { canEdit } from '../../workspaces/roles';

const EXPIRY_DAYS = [7, 30, 90, 180, TOKEN_MAX_DAYS];
const DEFAULT_EXPIRY_DAYS = 90;

const SCOPE_OPTIONS: readonly { value: TokenScope; label: string }[] = [
  { value: 'read', label: 'Read: acts as a viewer' },
  { value: 'write', label: 'Write: acts as an editor' },
];

interface TokenValues {
  name: string;
  scope: TokenScope;
  expiresInDays: number;
}

export interface CreateTokenFormProps {
  workspace: Workspace;
  onCreated: (token: CreatedTokenResponse) => void;
}

/** A new token for the signed-in user in this workspace. Viewers can make read tokens only. */
export function CreateTokenForm({ workspace, onCreated }: CreateTokenFormProps) {
  const createToken = useCreateToken(workspace.slug);
  const mayWrite = canEdit(workspace.role);
  // Typed here because the save below clears the name through it.
  const form: ContractForm<TokenValues> = useContractForm<TokenValues>({
    initialValues: { name: '', scope: 'read', expiresInDays: DEFAULT_EXPIRY_DAYS },
    request: contractRequest(
      createTokenRequestSchema,
      ({ name, scope, expiresInDays }: TokenValues) => ({
        name,
        workspace: workspace.slug,
        scope,
        expiresInDays,
      }),
      async (body) => {
        const created = await createToken.mutateAsync(body);
        form.setValue('name', '');
        onCreated(created);
      },
    ),
  });
  const { values, setValue, errorAt } = form;
  const { name, scope, expiresInDays } = values;

  const error = form.error;
  return (
    <Paper withBorder radius="md" p="md">
      <form onSubmit={form.submit} noValidate>
        <Stack gap="sm">
          <Text fw={600} size="sm">
            Create a token
          </Text>
          {error && !(error instanceof ApiError && error.status === 400) && (
            <Alert color="red" title="Token not created" role="alert">
              {describeError(error)}
            </Alert>
          )}
          <Group align="flex-start" gap="sm" wrap="wrap">
            <TextInput
              label="Name"
              placeholder="e.g. Warehouse sync"
              description="Say what uses it, to recognise it later."
              required
              value={name}
              onChange={(event) => setValue('name', event.currentTarget.value)}
              error={errorAt('name') && 'Enter a name of up to 100 characters.'}
              style={{ flex: '1 1 220px' }}
            />
            <NativeSelect
              label="Scope"
              description={mayWrite ? 'Never more than your role.' : 'Viewers create read tokens.'}
              data={mayWrite ? [...SCOPE_OPTIONS] : SCOPE_OPTIONS.filter((o) => o.value === 'read')}
              value={scope}
              onChange={(event) =>
                setValue('scope', tokenScopeSchema.parse(event.currentTarget.value))
              }
              style={{ flex: '0 1 220px' }}
            />
            <NativeSelect
              label="Expires after"
              description="Then it stops working."
              data={EXPIRY_DAYS.map((days) => ({ value: String(days), label: `${days} days` }))}
              value={String(expiresInDays)}
              onChange={(event) => setValue('expiresInDays', Number(event.currentTarget.value))}
              style={{ flex: '0 1 160px' }}
            />
          </Group>
          <Group justify="flex-end">
            <Button type="submit" loading={form.submitting}>
              Create token
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
