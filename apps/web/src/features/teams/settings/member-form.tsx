import {
  createTeamMemberRequestSchema,
  type TeamMember,
  updateTeamMemberRequestSchema,
} from '@bearing/contracts';
import { Alert, Button, Group, NumberInput, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../../api/api-error';
import { useAddTeamMember, useUpdateTeamMember } from '../../../api/teams';
import {
  type FieldErrors,
  fieldErrorsFromIssues,
  fieldErrorsFromProblem,
} from '../../../components/field-errors';
import { FormErrorAlert } from '../../../components/form-error-alert';
import { blankFieldErrors } from '../../../components/required-fields';
import { allocationFromPercent, percentFromAllocation } from './allocation';

const FIELDS = ['displayName', 'allocation'] as const;

export interface MemberFormProps {
  workspace: string;
  teamId: string;
  /** The member to edit; a new one without. */
  member?: TeamMember | undefined;
  onSaved: () => void;
  onCancel: () => void;
}

/** A team member as capacity: a name and the share of their time the team can count on. */
export function MemberForm({ workspace, teamId, member, onSaved, onCancel }: MemberFormProps) {
  const addMember = useAddTeamMember(workspace, teamId);
  const updateMember = useUpdateTeamMember(workspace, teamId);
  const mutation = member ? updateMember : addMember;
  const [displayName, setDisplayName] = useState(member?.displayName ?? '');
  const [percent, setPercent] = useState<number | string>(
    member ? percentFromAllocation(member.allocation) : 100,
  );
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const blank = blankFieldErrors({ displayName }, { displayName: 'Enter a name' });
    if (typeof percent !== 'number') {
      setFieldErrors({ ...blank, allocation: 'Enter a share between 0 and 100 %' });
      return;
    }
    const body = { displayName, allocation: allocationFromPercent(percent) };
    const onError = (error: unknown) =>
      setFieldErrors(
        error instanceof ApiError && error.status === 409 ? {} : fieldErrorsFromProblem(error),
      );
    const invalid = (issues: Parameters<typeof fieldErrorsFromIssues>[0]) =>
      setFieldErrors({ ...fieldErrorsFromIssues(issues), ...blank });
    if (member) {
      const parsed = updateTeamMemberRequestSchema.safeParse({ ...body, version: member.version });
      if (!parsed.success) return invalid(parsed.error.issues);
      setFieldErrors({});
      updateMember.mutate({ id: member.id, ...parsed.data }, { onSuccess: onSaved, onError });
    } else {
      const parsed = createTeamMemberRequestSchema.safeParse(body);
      if (!parsed.success) return invalid(parsed.error.issues);
      setFieldErrors({});
      addMember.mutate(parsed.data, { onSuccess: onSaved, onError });
    }
  };

  const error = mutation.error;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {error instanceof ApiError && error.status === 409 ? (
          <Alert color="yellow" title="Member not saved" role="alert">
            Changed by someone else since you opened it. Close this dialog to see their change, then
            make yours again.
          </Alert>
        ) : (
          <FormErrorAlert
            error={error}
            fields={FIELDS}
            title={member ? 'Member not saved' : 'Member not added'}
          />
        )}
        <TextInput
          label="Name"
          required
          data-autofocus
          value={displayName}
          onChange={(event) => setDisplayName(event.currentTarget.value)}
          error={fieldErrors.displayName}
        />
        <NumberInput
          label="Allocation"
          description="The share of their time this team can count on by default."
          suffix=" %"
          min={0}
          max={100}
          clampBehavior="strict"
          allowDecimal={false}
          value={percent}
          onChange={setPercent}
          error={fieldErrors.allocation}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {member ? 'Save member' : 'Add member'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
