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
import { useMembers } from '../../api/members';
import { useCreateRaidItem, useUpdateRaidItem } from '../../api/raid';
import { FormErrorAlert } from '../../components/form-error-alert';
import { contractRequest, useContractForm } from '../../components/use-contract-form';
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

interface RaidValues {
  kind: RaidKind;
  title: string;
  probability: string;
  impact: string;
  ownerId: string;
  mitigation: string;
  status: RaidStatus;
  dueDate: string;
}

/** The body both a new and an edited item send (an edit adds its version). */
function raidFields(values: RaidValues) {
  return {
    kind: values.kind,
    title: values.title,
    probability: Number(values.probability),
    impact: Number(values.impact),
    ownerId: values.ownerId || null,
    mitigation: values.mitigation,
    status: values.status,
    dueDate: values.dueDate || null,
  };
}

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
  const members = useMembers(workspace);

  const form = useContractForm<RaidValues>({
    initialValues: {
      kind: item?.kind ?? 'risk',
      title: item?.title ?? '',
      probability: String(item?.probability ?? 3),
      impact: String(item?.impact ?? 3),
      ownerId: item?.ownerId ?? '',
      mitigation: item?.mitigation ?? '',
      status: item?.status ?? 'open',
      dueDate: item?.dueDate ?? '',
    },
    request: item
      ? contractRequest(
          updateRaidItemRequestSchema,
          (values: RaidValues) => ({ ...raidFields(values), version: item.version }),
          async (body) => {
            await update.mutateAsync({ id: item.id, ...body });
            onSaved();
          },
        )
      : contractRequest(createRaidItemRequestSchema, raidFields, async (body) => {
          await create.mutateAsync(body);
          onSaved();
        }),
    validate: ({ title }) => blankFieldErrors({ title }, { title: 'Enter a title' }),
  });
  const { values, setValue, errorAt } = form;
  const { kind, title, probability, impact, ownerId, mitigation, status, dueDate } = values;

  return (
    <form onSubmit={form.submit} noValidate>
      <Stack gap="md">
        <FormErrorAlert
          error={form.error}
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
            onChange={(event) => setValue('kind', raidKindSchema.parse(event.currentTarget.value))}
            error={errorAt('kind')}
          />
          <NativeSelect
            label="Status"
            description="Open, or handled per ROAM"
            data={raidStatusSchema.options.map((value) => ({
              value,
              label: RAID_STATUS_LABELS[value],
            }))}
            value={status}
            onChange={(event) =>
              setValue('status', raidStatusSchema.parse(event.currentTarget.value))
            }
            error={errorAt('status')}
          />
        </Group>
        <TextInput
          label="Title"
          required
          data-autofocus
          value={title}
          onChange={(event) => setValue('title', event.currentTarget.value)}
          error={errorAt('title')}
        />
        <Group grow align="flex-start">
          <NativeSelect
            label="Probability"
            data={RATING_OPTIONS}
            value={probability}
            onChange={(event) => setValue('probability', event.currentTarget.value)}
            error={errorAt('probability')}
          />
          <NativeSelect
            label="Impact"
            data={RATING_OPTIONS}
            value={impact}
            onChange={(event) => setValue('impact', event.currentTarget.value)}
            error={errorAt('impact')}
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
            onChange={(event) => setValue('ownerId', event.currentTarget.value)}
            error={errorAt('ownerId')}
          />
          <DayInput
            label="Due date"
            description="Optional"
            value={dueDate}
            onChange={(event) => setValue('dueDate', event.currentTarget.value)}
            error={errorAt('dueDate')}
          />
        </Group>
        <Textarea
          label="Mitigation"
          autosize
          minRows={2}
          value={mitigation}
          onChange={(event) => setValue('mitigation', event.currentTarget.value)}
          error={errorAt('mitigation')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={form.submitting}>
            {item ? 'Save item' : 'Add item'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
