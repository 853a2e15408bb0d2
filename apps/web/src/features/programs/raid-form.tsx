import {
  createRaidItemRequestSchema,
  type RaidItem,
  type RaidKind,
  raidKindSchema,
  type RaidStatus,
  raidStatusSchema,
  updateRaidItemRequestSchema,
} from '@bearing/contracts';
import { Button, Group, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useMembers } from '../../api/members';
import { useCreateRaidItem, useUpdateRaidItem } from '../../api/raid';
import {
  type FieldErrors,
  fieldErrorsFromIssues,
  fieldErrorsFromProblem,
} from '../../components/field-errors';
import { FormErrorAlert } from '../../components/form-error-alert';
import { blankFieldErrors } from '../../components/required-fields';
import { RATINGS } from './raid-heat-map-cells';
import { RAID_KIND_LABELS, RAID_STATUS_LABELS } from './program-labels';
import { DayInput } from '../../components/day-input';

const FIELDS = [
  'kind',
  'title',
  'probability',
  'impact',
  'ownerId',
  'mitigation',
  'status',
  'dueDate',
] as const;

const RATING_OPTIONS = RATINGS.map((rating) => ({
  value: String(rating),
  label: `${rating}${rating === 1 ? ' (lowest)' : rating === 5 ? ' (highest)' : ''}`,
}));

export interface RaidFormProps {
  workspace: string;
  programId: string;
  item?: RaidItem | undefined;
  onSaved: () => void;
  onCancel: () => void;
}

/** A risk, assumption, issue or dependency: rated 1–5 twice, owned, handled per ROAM. */
export function RaidForm({ workspace, programId, item, onSaved, onCancel }: RaidFormProps) {
  const create = useCreateRaidItem(workspace, programId);
  const update = useUpdateRaidItem(workspace, programId);
  const mutation = item ? update : create;
  const members = useMembers(workspace);
  const [kind, setKind] = useState<RaidKind>(item?.kind ?? 'risk');
  const [title, setTitle] = useState(item?.title ?? '');
  const [probability, setProbability] = useState(String(item?.probability ?? 3));
  const [impact, setImpact] = useState(String(item?.impact ?? 3));
  const [ownerId, setOwnerId] = useState(item?.ownerId ?? '');
  const [mitigation, setMitigation] = useState(item?.mitigation ?? '');
  const [status, setStatus] = useState<RaidStatus>(item?.status ?? 'open');
  const [dueDate, setDueDate] = useState(item?.dueDate ?? '');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const blank = blankFieldErrors({ title }, { title: 'Enter a title' });
    const invalid = (issues: Parameters<typeof fieldErrorsFromIssues>[0]) =>
      setFieldErrors({ ...fieldErrorsFromIssues(issues), ...blank });
    const onError = (error: unknown) => setFieldErrors(fieldErrorsFromProblem(error));
    const fields = {
      kind,
      title,
      probability: Number(probability),
      impact: Number(impact),
      ownerId: ownerId || null,
      mitigation,
      status,
      dueDate: dueDate || null,
    };
    if (item) {
      const parsed = updateRaidItemRequestSchema.safeParse({ ...fields, version: item.version });
      if (!parsed.success) return invalid(parsed.error.issues);
      setFieldErrors({});
      update.mutate({ id: item.id, ...parsed.data }, { onSuccess: onSaved, onError });
    } else {
      const parsed = createRaidItemRequestSchema.safeParse(fields);
      if (!parsed.success) return invalid(parsed.error.issues);
      setFieldErrors({});
      create.mutate(parsed.data, { onSuccess: onSaved, onError });
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormErrorAlert
          error={mutation.error}
          fields={FIELDS}
          title={item ? 'RAID item not saved' : 'RAID item not created'}
        />
        <Group grow align="flex-start">
          <NativeSelect
            label="Kind"
            data={raidKindSchema.options.map((value) => ({
              value,
              label: RAID_KIND_LABELS[value],
            }))}
            value={kind}
            onChange={(event) => setKind(raidKindSchema.parse(event.currentTarget.value))}
            error={fieldErrors.kind}
          />
          <NativeSelect
            label="Status"
            description="Open, or handled per ROAM"
            data={raidStatusSchema.options.map((value) => ({
              value,
              label: RAID_STATUS_LABELS[value],
            }))}
            value={status}
            onChange={(event) => setStatus(raidStatusSchema.parse(event.currentTarget.value))}
            error={fieldErrors.status}
          />
        </Group>
        <TextInput
          label="Title"
          required
          data-autofocus
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          error={fieldErrors.title}
        />
        <Group grow align="flex-start">
          <NativeSelect
            label="Probability"
            data={RATING_OPTIONS}
            value={probability}
            onChange={(event) => setProbability(event.currentTarget.value)}
            error={fieldErrors.probability}
          />
          <NativeSelect
            label="Impact"
            data={RATING_OPTIONS}
            value={impact}
            onChange={(event) => setImpact(event.currentTarget.value)}
            error={fieldErrors.impact}
          />
        </Group>
        <Group grow align="flex-start">
          <NativeSelect
            label="Owner"
            data={[
              { value: '', label: 'Nobody yet' },
              ...members.items.map((member) => ({
                value: member.userId,
                label: member.displayName,
              })),
            ]}
            value={ownerId}
            disabled={members.isPending}
            onChange={(event) => setOwnerId(event.currentTarget.value)}
            error={fieldErrors.ownerId}
          />
          <DayInput
            label="Due date"
            description="Optional"
            value={dueDate}
            onChange={(event) => setDueDate(event.currentTarget.value)}
            error={fieldErrors.dueDate}
          />
        </Group>
        <Textarea
          label="Mitigation"
          autosize
          minRows={2}
          value={mitigation}
          onChange={(event) => setMitigation(event.currentTarget.value)}
          error={fieldErrors.mitigation}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {item ? 'Save item' : 'Add item'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
