import {
  createTeamMemberRequestSchema,
  type TeamMember,
  updateTeamMemberRequestSchema,
} from '@bearing/contracts';
import { Alert, Button, Group, NumberInput, Stack, TextInput } from '@mantine/core';
import { useAddTeamMember, useUpdateTeamMember } from '../../../api/teams';
import { FormErrorAlert } from '../../../components/form-error-alert';
import { blankFieldErrors } from '../../../components/required-fields';
import { contractRequest, useContractForm } from '../../../components/use-contract-form';
import { allocationFromPercent, percentFromAllocation } from './allocation';

const FIELDS = ['displayName', 'allocation'] as const;

interface MemberValues {
  displayName: string;
  /** As the number input holds it: a number, or the text typed while it is not one. */
  percent: number | string;
}

/** The body both a new and an edited member send (an edit adds its version). */
function memberFields({ displayName, percent }: MemberValues) {
  return {
    displayName,
    // A share that is not a number yet is stopped before the schema (see `parse` below).
    allocation: typeof percent === 'number' ? allocationFromPercent(percent) : Number.NaN,
  };
}

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
  const contract = member
    ? contractRequest(
        updateTeamMemberRequestSchema,
        (values: MemberValues) => ({ ...memberFields(values), version: member.version }),
        async (body) => {
          await updateMember.mutateAsync({ id: member.id, ...body });
          onSaved();
        },
      )
    : contractRequest(createTeamMemberRequestSchema, memberFields, async (body) => {
        await addMember.mutateAsync(body);
        onSaved();
      });
  const blank = ({ displayName }: MemberValues) =>
    blankFieldErrors({ displayName }, { displayName: 'Enter a name' });
  const form = useContractForm<MemberValues>({
    initialValues: {
      displayName: member?.displayName ?? '',
      percent: member ? percentFromAllocation(member.allocation) : 100,
    },
    request: {
      // A share that is not a number yet is said alone with the blanks, before the schema.
      parse: (values) =>
        typeof values.percent === 'number'
          ? contract.parse(values)
          : { errors: { ...blank(values), allocation: 'Enter a share between 0 and 100 %' } },
    },
    validate: blank,
  });
  const { values, setValue, errorAt } = form;

  return (
    <form onSubmit={form.submit} noValidate>
      <Stack gap="md">
        {form.stale ? (
          <Alert color="yellow" title="Member not saved" role="alert">
            Changed by someone else since you opened it. Close this dialog to see their change, then
            make yours again.
          </Alert>
        ) : (
          <FormErrorAlert
            error={form.error}
            fields={FIELDS}
            title={member ? 'Member not saved' : 'Member not added'}
          />
        )}
        <TextInput
          label="Name"
          required
          data-autofocus
          value={values.displayName}
          onChange={(event) => setValue('displayName', event.currentTarget.value)}
          error={errorAt('displayName')}
        />
        <NumberInput
          label="Allocation"
          description="The share of their time this team can count on by default."
          suffix=" %"
          min={0}
          max={100}
          clampBehavior="strict"
          allowDecimal={false}
          value={values.percent}
          onChange={(percent) => setValue('percent', percent)}
          error={errorAt('allocation')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={form.submitting}>
            {member ? 'Save member' : 'Add member'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
