import {
  type CheckIn,
  type Confidence,
  confidenceSchema,
  createCheckInRequestSchema,
  type KeyResult,
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
import { type FormEvent, useState } from 'react';
import { useCreateCheckIn } from '../../api/okrs';
import {
  type FieldErrors,
  fieldErrorsFromIssues,
  fieldErrorsFromProblem,
} from '../../components/field-errors';
import { todayUtc } from '../../components/format';
import { FormErrorAlert } from '../../components/form-error-alert';
import { numberText, parseNumberText } from '../../components/number-input-text';
import { CONFIDENCE_OPTIONS } from './okr-labels';
import { DayInput } from '../../components/day-input';

const FIELDS = ['value', 'confidence', 'note', 'date'] as const;

export interface CheckInFormProps {
  workspace: string;
  keyResult: KeyResult;
  onSaved?: (checkIn: CheckIn) => void;
  onCancel?: () => void;
}

/**
 * A new check-in: the value today (or on a past day), how confident the owner is, and a note.
 * Check-ins are history, so a correction is simply another one.
 */
export function CheckInForm({ workspace, keyResult, onSaved, onCancel }: CheckInFormProps) {
  const createCheckIn = useCreateCheckIn(workspace, keyResult.id);
  const milestone = keyResult.kind === 'milestone';
  const [value, setValue] = useState(milestone ? numberText(keyResult.current ?? 0) : '');
  const [confidence, setConfidence] = useState<Confidence>(
    keyResult.lastCheckIn?.confidence ?? 'on-track',
  );
  const [note, setNote] = useState('');
  const [date, setDate] = useState(todayUtc());
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const number = parseNumberText(value);
    const parsed = createCheckInRequestSchema.safeParse({
      value: number ?? Number.NaN,
      confidence,
      note,
      ...(date ? { date } : {}),
    });
    if (!parsed.success || number === null || number === undefined) {
      setFieldErrors({
        ...(parsed.success ? {} : fieldErrorsFromIssues(parsed.error.issues)),
        ...(number === null ? { value: 'Enter the value today' } : {}),
        ...(number === undefined ? { value: 'Enter a number, such as 40 or 0.25' } : {}),
      });
      return;
    }
    setFieldErrors({});
    createCheckIn.mutate(parsed.data, {
      onSuccess: (checkIn) => {
        setValue(milestone ? numberText(checkIn.value) : '');
        setNote('');
        onSaved?.(checkIn);
      },
      onError: (error) => setFieldErrors(fieldErrorsFromProblem(error)),
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={`Check in on ${keyResult.title}`}>
      <Stack gap="md">
        <FormErrorAlert error={createCheckIn.error} fields={FIELDS} title="Check-in not saved" />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          {milestone ? (
            <Input.Wrapper label="Value" error={fieldErrors.value}>
              <SegmentedControl
                fullWidth
                aria-label="Value"
                value={value === '1' ? '1' : '0'}
                onChange={setValue}
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
              onChange={(event) => setValue(event.currentTarget.value)}
              error={fieldErrors.value}
              rightSection={keyResult.unit || undefined}
              rightSectionWidth={
                keyResult.unit ? Math.max(36, keyResult.unit.length * 9 + 16) : undefined
              }
            />
          )}
          <DayInput
            label="Date"
            description="Today, unless recording an earlier reading."
            max={todayUtc()}
            value={date}
            onChange={(event) => setDate(event.currentTarget.value)}
            error={fieldErrors.date}
          />
        </SimpleGrid>
        <Input.Wrapper
          label="Confidence"
          description="Will the target be met by the end of the period?"
          error={fieldErrors.confidence}
        >
          <SegmentedControl
            fullWidth
            mt={4}
            aria-label="Confidence"
            value={confidence}
            onChange={(next) => setConfidence(confidenceSchema.parse(next))}
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
          onChange={(event) => setNote(event.currentTarget.value)}
          error={fieldErrors.note}
        />
        <Group justify="flex-end" gap="sm">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          )}
          <Button type="submit" loading={createCheckIn.isPending}>
            Save check-in
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
