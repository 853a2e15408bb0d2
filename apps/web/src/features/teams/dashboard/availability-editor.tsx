import type { CapacityResponse } from '@bearing/contracts';
import { Card, Chip, Group, NumberInput, Stack, Table, Text } from '@mantine/core';
import { formatNumber } from '../../../components/format';
import { useSmallScreen } from '../../../components/use-small-screen';
import type { MemberAvailabilityDraft } from './availability-draft';

const weekdayFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});
const CAPTION =
  'Allocation left empty means the member’s usual share. Days off count only on the sprint’s working days.';
const fullDayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeZone: 'UTC' });

export interface AvailabilityEditorProps {
  draft: MemberAvailabilityDraft[];
  onChange: (draft: MemberAvailabilityDraft[]) => void;
  /** The sprint's working days: the days a member can mark off. */
  workingDays: string[];
  /** Each member's available person-days as last saved, from the capacity plan. */
  capacity: CapacityResponse | undefined;
  readOnly: boolean;
}

/**
 * Per member: this sprint's share of their time and their days off. These are capacity
 * inputs, never a measure of anyone's work.
 */
export function AvailabilityEditor({
  draft,
  onChange,
  workingDays,
  capacity,
  readOnly,
}: AvailabilityEditorProps) {
  const update = (index: number, change: Partial<MemberAvailabilityDraft>) =>
    onChange(draft.map((member, at) => (at === index ? { ...member, ...change } : member)));
  const small = useSmallScreen();
  const savedDays = new Map(
    capacity?.members.map((member) => [member.memberId, member.availablePersonDays]),
  );

  const allocationInput = (member: MemberAvailabilityDraft, index: number) => (
    <NumberInput
      aria-label={`Allocation of ${member.displayName} this sprint, in percent`}
      size="xs"
      min={0}
      max={100}
      clampBehavior="strict"
      suffix=" %"
      placeholder={`${formatNumber(member.defaultPercent)} %`}
      readOnly={readOnly}
      value={member.percent ?? ''}
      onChange={(value) => update(index, { percent: typeof value === 'number' ? value : null })}
    />
  );
  const daysOffChips = (member: MemberAvailabilityDraft, index: number) => (
    <Chip.Group
      multiple
      value={member.daysOff}
      onChange={(daysOff) => {
        if (!readOnly) update(index, { daysOff: [...daysOff].sort() });
      }}
    >
      <Group gap={4} role="group" aria-label={`Days off of ${member.displayName}`}>
        {workingDays.map((day) => (
          <Chip
            key={day}
            value={day}
            size="xs"
            radius="sm"
            disabled={readOnly}
            aria-label={`${member.displayName} off on ${fullDayFormat.format(new Date(day))}`}
          >
            {weekdayFormat.format(new Date(day))}
          </Chip>
        ))}
        {/* Days off saved outside today's working days still count as set. */}
        {member.daysOff
          .filter((day) => !workingDays.includes(day))
          .map((day) => (
            <Chip key={day} value={day} size="xs" radius="sm" disabled={readOnly}>
              {weekdayFormat.format(new Date(day))} (not a working day)
            </Chip>
          ))}
      </Group>
    </Chip.Group>
  );
  const memberName = (member: MemberAvailabilityDraft) => (
    <>
      <Text size="sm" fw={500}>
        {member.displayName}
      </Text>
      <Text size="xs" c="dimmed">
        usually {formatNumber(member.defaultPercent)} %
      </Text>
    </>
  );

  if (small) {
    // On a phone, one card a member: the days off wrap across the card's width.
    return (
      <Stack gap="xs">
        <Text size="xs" c="dimmed">
          {CAPTION}
        </Text>
        {draft.map((member, index) => (
          <Card key={member.memberId} withBorder padding="sm" data-member={member.displayName}>
            <Stack gap="xs">
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <div>{memberName(member)}</div>
                <Text size="sm" ta="right">
                  {formatNumber(savedDays.get(member.memberId) ?? null)}{' '}
                  <Text span size="xs" c="dimmed">
                    person-days (saved)
                  </Text>
                </Text>
              </Group>
              <Text size="xs" fw={500}>
                Allocation this sprint
              </Text>
              {allocationInput(member, index)}
              <Text size="xs" fw={500}>
                Days off
              </Text>
              {daysOffChips(member, index)}
            </Stack>
          </Card>
        ))}
      </Stack>
    );
  }
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="sm">
        <Table.Caption>{CAPTION}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Member</Table.Th>
            <Table.Th w={170}>Allocation this sprint</Table.Th>
            <Table.Th>Days off</Table.Th>
            <Table.Th ta="right" w={130}>
              Person-days (saved)
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {draft.map((member, index) => (
            <Table.Tr key={member.memberId} data-member={member.displayName}>
              <Table.Td>{memberName(member)}</Table.Td>
              <Table.Td>{allocationInput(member, index)}</Table.Td>
              <Table.Td>{daysOffChips(member, index)}</Table.Td>
              <Table.Td ta="right">{formatNumber(savedDays.get(member.memberId) ?? null)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
