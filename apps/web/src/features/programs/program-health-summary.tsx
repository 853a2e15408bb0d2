import type { Program } from '@bearing/contracts';
import { Group, Stack, Text } from '@mantine/core';
import { formatDay } from '../../components/format';
import { HealthBadgeWithWatermelon, SuggestedHealthBadge } from './health-badge';
import { HealthReasonList } from './health-reason-list';

/** What every view of a program (program page, programs list, portfolio card) knows of its health. */
export type ProgramHealthFields = Pick<
  Program,
  'health' | 'healthReason' | 'watermelon' | 'healthSuggestion'
>;

/**
 * Whether the stored health is someone's word: a published report's, or an editor's given with
 * a reason. Before the first report a health without a reason is only the default on-track,
 * which must never pass for a judgement — the data's suggestion stands in for it.
 */
function isStated(program: ProgramHealthFields): boolean {
  return program.healthSuggestion === null || program.healthReason !== null;
}

/** The program's health badge with its watermelon flag, or its suggested health, labelled so. */
export function ProgramHealthBadges({
  program,
  size = 'sm',
}: {
  program: ProgramHealthFields;
  size?: 'xs' | 'sm' | 'md' | 'lg';
}) {
  return (
    <Group gap={4} wrap="wrap">
      {isStated(program) && (
        <HealthBadgeWithWatermelon
          health={program.health}
          watermelon={program.watermelon}
          size={size}
        />
      )}
      {program.healthSuggestion && (
        <SuggestedHealthBadge health={program.healthSuggestion.health} size={size} />
      )}
    </Group>
  );
}

/**
 * Why: the stated health's reason, then — while no report is published — the reasons behind
 * the suggestion. `compact` (list rows, cards) clamps the reason and shortens the list.
 */
export function ProgramHealthReasons({
  program,
  compact = false,
}: {
  program: ProgramHealthFields;
  compact?: boolean;
}) {
  const suggestion = program.healthSuggestion;
  const stated = isStated(program);
  return (
    <Stack gap={compact ? 4 : 6}>
      {stated &&
        (program.healthReason ? (
          <Text
            size={compact ? 'xs' : 'sm'}
            c={compact ? 'dimmed' : undefined}
            lineClamp={compact ? 2 : undefined}
          >
            {program.healthReason}
          </Text>
        ) : (
          !compact && <Text size="sm">No reason given.</Text>
        ))}
      {suggestion && (
        <>
          <Text size="xs" c="dimmed">
            No status report published yet: suggested from the data of {formatDay(suggestion.asOf)}.
          </Text>
          {suggestion.reasons.length === 0 ? (
            <Text size={compact ? 'xs' : 'sm'}>Nothing in the data raises the health.</Text>
          ) : (
            <HealthReasonList
              reasons={suggestion.reasons}
              limit={compact ? 3 : undefined}
              size={compact ? 'xs' : 'sm'}
            />
          )}
        </>
      )}
    </Stack>
  );
}
