import type { Pace } from '@bearing/contracts';
import { Group, Stack, Text } from '@mantine/core';
import { formatPercent } from '../../components/format';
import classes from './pace-progress.module.css';

const FILL_COLORS: Record<Pace | 'none', string> = {
  'on-track': 'var(--mantine-color-teal-6)',
  'at-risk': 'var(--mantine-color-yellow-5)',
  'off-track': 'var(--mantine-color-red-6)',
  none: 'var(--mantine-color-gray-4)',
};

export interface PaceProgressProps {
  /** From the API: 1 = done; a key result's may exceed 1 or fall below 0. `null` = not measured. */
  progress: number | null;
  /** From the API: the share of the period gone, 0–1. */
  expected: number;
  pace: Pace | null;
  /** Names the bar for assistive technology, e.g. "Progress of Grow podcast ads". */
  label: string;
  size?: 'sm' | 'md';
  /** Shows "40% done · expected 63% by today" under the bar. */
  withCaption?: boolean;
}

/** Share of a bar filled to 0–100 % — a drawing limit, not a number anyone reads. */
function barWidth(share: number): number {
  return Math.min(100, Math.max(0, share * 100));
}

/**
 * Progress as a bar with a tick where progress would be if it kept pace with the period. The
 * numbers come from the API; the bar only draws them (over 100 % fills it, below 0 empties it,
 * and the caption says the real value).
 */
export function PaceProgress({
  progress,
  expected,
  pace,
  label,
  size = 'md',
  withCaption = true,
}: PaceProgressProps) {
  const done = progress === null ? null : formatPercent(progress);
  const expectedText = `expected ${formatPercent(expected)} by today`;
  return (
    <Stack gap={4}>
      <div
        className={classes.track}
        style={{ ['--pace-progress-height' as string]: size === 'sm' ? '6px' : '10px' }}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={progress === null ? undefined : Math.round(barWidth(progress))}
        aria-valuetext={
          done === null ? `Not measured yet; ${expectedText}` : `${done} done; ${expectedText}`
        }
      >
        {progress !== null && (
          <div
            className={classes.fill}
            style={{ width: `${barWidth(progress)}%`, background: FILL_COLORS[pace ?? 'none'] }}
          />
        )}
        <div
          className={classes.marker}
          style={{ left: `${barWidth(expected)}%` }}
          title={`Expected by today: ${formatPercent(expected)}`}
        />
      </div>
      {withCaption && (
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Text size="xs" fw={600}>
            {done === null ? 'Not measured yet' : `${done} done`}
          </Text>
          <Text size="xs" c="dimmed">
            {expectedText}
          </Text>
        </Group>
      )}
    </Stack>
  );
}
