import {
  type AddMemberRequest,
  addMemberRequestSchema,
  type AddMemberResponse,
  PASSWORD_MIN_LENGTH,
  type WorkspaceRole,
  workspaceRoleSchema,
} from '@bearing/contracts';
import {
  Alert,
  Button,
  Group,
  NativeSelect,
  PasswordInput,
  Radio,
  Stack,
  TextInput,
} from '@mantine/core';
import { ApiError, describeError } from '../../../api/api-error';
import { useAddMember } from '../../../api/members';
import { useSignedIn } from '../../../app/auth/signed-in-context';
import { contractRequest, useContractForm } from '../../../components/use-contract-form';
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES_STRONGEST_FIRST } from '../../workspaces/roles';

type Method = 'invite' | 'password';

const ROLE_OPTIONS = ROLES_STRONGEST_FIRST.map((role) => ({
  value: role,
  label: ROLE_LABELS[role],
}));

interface AddMemberValues {
  email: string;
  role: WorkspaceRole;
  method: Method;
  displayName: string;
  password: string;
}

/** An invite names no password; a password account sends a display name only when given. */
function requestOf({ email, role, method, displayName, password }: AddMemberValues) {
  const request: AddMemberRequest =
    method === 'invite'
      ? { email, role, invite: true }
      : { email, role, password, ...(displayName.trim() ? { displayName } : {}) };
  return request;
}

export interface AddMemberFormProps {
  workspace: string;
  onAdded: (result: AddMemberResponse) => void;
  onCancel: () => void;
}

/**
 * Email and role: always an invitation the person accepts (Bearing sends no email; the admin
 * passes the link on). An instance admin may instead set an initial password for someone
 * without an account, which they must change at first sign-in.
 */
export function AddMemberForm({ workspace, onAdded, onCancel }: AddMemberFormProps) {
  const addMember = useAddMember(workspace);
  const canSetPassword = useSignedIn().user.instanceAdmin;

  const form = useContractForm<AddMemberValues>({
    initialValues: { email: '', role: 'viewer', method: 'invite', displayName: '', password: '' },
    request: contractRequest(addMemberRequestSchema, requestOf, async (body) =>
      onAdded(await addMember.mutateAsync(body)),
    ),
    conflictErrors: (error) => ({ email: error.detail }),
  });
  const { values, setValue, errorAt } = form;
  const { email, role, method, displayName, password } = values;

  const error = form.error;
  const unexplained =
    error !== null && !(error instanceof ApiError && [400, 409].includes(error.status));
  return (
    <form onSubmit={form.submit} noValidate>
      <Stack gap="md">
        {unexplained && (
          <Alert color="red" title="Not added" role="alert">
            {describeError(error)}
          </Alert>
        )}
        <TextInput
          label="Email"
          type="email"
          required
          data-autofocus
          value={email}
          onChange={(event) => setValue('email', event.currentTarget.value)}
          error={errorAt('email')}
        />
        <NativeSelect
          label="Role"
          description={`${ROLE_LABELS[role]}: ${ROLE_DESCRIPTIONS[role]}.`}
          data={ROLE_OPTIONS}
          value={role}
          onChange={(event) =>
            setValue('role', workspaceRoleSchema.parse(event.currentTarget.value))
          }
        />
        {canSetPassword && (
          <Radio.Group
            label="If they have no Bearing account yet"
            description="Someone who has an account already just accepts the invitation; their password never changes."
            value={method}
            onChange={(value) => setValue('method', value === 'password' ? 'password' : 'invite')}
          >
            <Stack gap="xs" mt="xs">
              <Radio
                value="invite"
                label="Create an invite link"
                description="They choose their own name and password. The link works once, for 7 days."
              />
              <Radio
                value="password"
                label="Set an initial password"
                description="Instance admins only. They sign in with the password you pass on, must change it at once, and accept the invitation."
              />
            </Stack>
          </Radio.Group>
        )}
        {method === 'password' && (
          <>
            <TextInput
              label="Name"
              description="Optional: defaults to the part of the email before the @."
              value={displayName}
              onChange={(event) => setValue('displayName', event.currentTarget.value)}
              error={errorAt('displayName')}
            />
            <PasswordInput
              label="Initial password"
              description={`At least ${PASSWORD_MIN_LENGTH} characters.`}
              autoComplete="new-password"
              required
              value={password}
              onChange={(event) => setValue('password', event.currentTarget.value)}
              error={errorAt('password')}
            />
          </>
        )}
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={form.submitting}>
            {method === 'invite' ? 'Create invite link' : 'Create account and invite'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
