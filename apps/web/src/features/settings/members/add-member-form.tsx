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
import { useState, type FormEvent } from 'react';
import { ApiError, describeError } from '../../../api/api-error';
import { useAddMember } from '../../../api/members';
import {
  fieldErrorsFromIssues,
  fieldErrorsFromProblem,
  type FieldErrors,
} from '../../../components/field-errors';
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES_STRONGEST_FIRST } from '../../workspaces/roles';

type Method = 'invite' | 'password';

const ROLE_OPTIONS = ROLES_STRONGEST_FIRST.map((role) => ({
  value: role,
  label: ROLE_LABELS[role],
}));

export interface AddMemberFormProps {
  workspace: string;
  onAdded: (result: AddMemberResponse) => void;
  onCancel: () => void;
}

/**
 * Email and role, and for someone without an account yet either a one-time invite link or an
 * initial password (Bearing sends no email; the admin passes either on).
 */
export function AddMemberForm({ workspace, onAdded, onCancel }: AddMemberFormProps) {
  const addMember = useAddMember(workspace);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<WorkspaceRole>('viewer');
  const [method, setMethod] = useState<Method>('invite');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const request: AddMemberRequest =
      method === 'invite'
        ? { email, role, invite: true }
        : { email, role, password, ...(displayName.trim() ? { displayName } : {}) };
    const parsed = addMemberRequestSchema.safeParse(request);
    if (!parsed.success) {
      setFieldErrors(fieldErrorsFromIssues(parsed.error.issues));
      return;
    }
    setFieldErrors({});
    addMember.mutate(parsed.data, {
      onSuccess: onAdded,
      onError: (error) =>
        setFieldErrors(
          error instanceof ApiError && error.status === 409
            ? { email: error.detail }
            : fieldErrorsFromProblem(error),
        ),
    });
  };

  const error = addMember.error;
  const unexplained =
    error !== null && !(error instanceof ApiError && [400, 409].includes(error.status));
  return (
    <form onSubmit={submit} noValidate>
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
          onChange={(event) => setEmail(event.currentTarget.value)}
          error={fieldErrors.email}
        />
        <NativeSelect
          label="Role"
          description={`${ROLE_LABELS[role]}: ${ROLE_DESCRIPTIONS[role]}.`}
          data={ROLE_OPTIONS}
          value={role}
          onChange={(event) => setRole(workspaceRoleSchema.parse(event.currentTarget.value))}
        />
        <Radio.Group
          label="If they have no Bearing account yet"
          description="Someone who has an account already is added as they are; their password does not change."
          value={method}
          onChange={(value) => setMethod(value === 'password' ? 'password' : 'invite')}
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
              description="They can sign in right away with the password you pass on."
            />
          </Stack>
        </Radio.Group>
        {method === 'password' && (
          <>
            <TextInput
              label="Name"
              description="Optional: defaults to the part of the email before the @."
              value={displayName}
              onChange={(event) => setDisplayName(event.currentTarget.value)}
              error={fieldErrors.displayName}
            />
            <PasswordInput
              label="Initial password"
              description={`At least ${PASSWORD_MIN_LENGTH} characters.`}
              autoComplete="new-password"
              required
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
              error={fieldErrors.password}
            />
          </>
        )}
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={addMember.isPending}>
            {method === 'invite' ? 'Create invite link' : 'Add member'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
