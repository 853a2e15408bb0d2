import {
  type CheckIn,
  type Confidence,
  confidenceSchema,
  createCheckInRequestSchema,
  type KeyResult,
  type Period,
} from '@bearing/contracts';
import {
  Button,
  Group,
  Input,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useCreateCheckIn } from '../../api/okrs';
import { useSignedIn } from '../../app/auth/signed-in-context';
import { formatDay, todayUtc } from '../../components/format';
import { FormErrorAlert } from '../../components/form-error-alert';
import { numberText, parseNumberText } from '../../components/number-input-text';
import {
  type ContractForm,
  contractRequest,
  useContractForm,
} from '../../components/use-contract-form';
import { CONFIDENCE_OPTIONS } from './okr-labels';
import { DayInput } from '../../components/day-input';
import { defaultCheckInDate } from './check-in-date';

const FIELDS = ['value', 'confidence', 'note', 'date'] as const;

interface CheckInValues {
  value: string;
  confidence: Confidence;
  note: string;
  date: string;
}

export interface CheckInFormProps {
  workspace: string;
  keyResult: KeyResult;
  /**
   * The period of the key result's objective, when known: once it is over, the date defaults to
   * its last day, and a later date is flagged (it would not count in the period).
   */
  period?: Pick<Period, 'name' | 'end'> | undefined;
  onSaved?: (checkIn: CheckIn) => void;
  onCancel?: () => void;
}

/**
 * A new check-in: the value today in the user's time zone (or on a past day; the period's last
 * day once it is over), how confident the owner is, and a note. Check-ins are history, so a
 * correction is simply another one.
 */
export function CheckInForm({ workspace, keyResult, period, onSaved, onCancel }: CheckInFormProps) {
  const createCheckIn = useCreateCheckIn(workspace, keyResult.id);
  const { preferences } = useSignedIn();
  const milestone = keyResult.kind === 'milestone';
  // Typed here because the save below clears the form through it.
  const form: ContractForm<CheckInValues> = useContractForm<CheckInValues>({
    initialValues: () => ({
      value: milestone ? numberText(keyResult.current ?? 0) : '',
      confidence: keyResult.lastCheckIn?.confidence ?? 'on-track',
      note: '',
      date: defaultCheckInDate(new Date(), preferences.timeZone, period),
    }),
    request: contractRequest(
      createCheckInRequestSchema,
      ({ value, confidence, note, date }: CheckInValues) => ({
        value: parseNumberText(value) ?? Number.NaN,
        confidence,
        note,
        ...(date ? { date } : {}),
      }),
      async (body) => {
        const checkIn = await createCheckIn.mutateAsync(body);
        form.setValues({ value: milestone ? numberText(checkIn.value) : '', note: '' });
        onSaved?.(checkIn);
      },
    ),
    validate: ({ value }) => {
      const number = parseNumberText(value);
      if (number === null) return { value: 'Enter the value today' };
      if (number === undefined) return { value: 'Enter a number, such as 40 or 0.25' };
      return {};
    },
  });
  const { errorAt, setValue } = form;
  const { value, confidence, note, date } = form.values;
  const dateDescription = describeDate(date, period, preferences.timeZone);

  return (
    <form onSubmit={form.submit} noValidate aria-label={`Check in on ${keyResult.title}`}>
      <Stack gap="md">
        <FormErrorAlert error={form.error} fields={FIELDS} title="Check-in not saved" />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          {milestone ? (
            <Input.Wrapper label="Value" error={errorAt('value')}>
              <SegmentedControl
                fullWidth
                aria-label="Value"
                value={value === '1' ? '1' : '0'}
                onChange={(next) => setValue('value', next)}
                data={[
                  { value: '0', label: 'Not done' },
                  { value: '1', label: 'Done' },
                ]}
              />
            </Input.Wrapper>
          ) : (
            <TextInput
              label="Value"
              description={`Target ${numberText(keyResult.target)}${keyResult.unit ? ` ${keyResult.unit}` : ''}`}
              inputMode="decimal"
              required
              data-autofocus
              value={value}
              onChange={(event) => setValue('value', event.currentTarget.value)}
              error={errorAt('value')}
              rightSection={keyResult.unit || undefined}
              rightSectionWidth={
                keyResult.unit ? Math.max(36, keyResult.unit.length * 9 + 16) : undefined
              }
            />
          )}
          <DayInput
            label="Date"
            description={dateDescription}
            max={todayUtc()}
            value={date}
            onChange={(event) => setValue('date', event.currentTarget.value)}
            error={errorAt('date')}
          />
        </SimpleGrid>
        <Input.Wrapper
          label="Confidence"
          description="Will the target be met by the end of the period?"
          error={errorAt('confidence')}
        >
          <SegmentedControl
            fullWidth
            mt={4}
            aria-label="Confidence"
            value={confidence}
            onChange={(next) => setValue('confidence', confidenceSchema.parse(next))}
            data={CONFIDENCE_OPTIONS.map((option) => ({ ...option }))}
          />
        </Input.Wrapper>
        <Textarea
          label="Note"
          description="Optional: what moved it, what is in the way."
          autosize
          minRows={2}
          maxRows={6}
          value={note}
          onChange={(event) => setValue('note', event.currentTarget.value)}
          error={errorAt('note')}
        />
        <Group justify="flex-end" gap="sm">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          )}
          <Button type="submit" loading={form.submitting}>
            Save check-in
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** What the date field says: what it defaults to, or that the date chosen is after the period. */
function describeDate(
  date: string,
  period: Pick<Period, 'name' | 'end'> | undefined,
  timeZone: string | undefined,
): string {
  if (period === undefined) return 'Today, unless recording an earlier reading.';
  if (date !== '' && date > period.end) {
    return `After ${period.name} ended on ${formatDay(period.end)}: this check-in will not count in ${period.name}.`;
  }
  return defaultCheckInDate(new Date(), timeZone, undefined) > period.end
    ? `The last day of ${period.name}, which is over, unless recording an earlier reading.`
    : 'Today, unless recording an earlier reading.';
}
