import type { HealthTimeline } from '@bearing/contracts';
import { Anchor, Group, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import { Link } from 'react-router';
import { DeferredTooltip } from '../../components/deferred-tooltip';
import { formatShortDay } from '../../components/format';
import { ShapeIcon } from '../../components/shape-icon';
import { HEALTH_STYLES } from './program-labels';
import { reportPath } from './report-links';

/** How many recent published weeks the header shows. */
const WEEKS_SHOWN = 12;

/** What the trend draws of a published report (the timeline's points, or a portfolio card's). */
export type HealthTrendPoint = Pick<
  HealthTimeline['points'][number],
  'reportId' | 'week' | 'health' | 'watermelon'
>;

/**
 * The health of the last published reports, oldest to newest: a shape and colour per week,
 * each a link to its report and named in words for screen readers. Used by the program header
 * and by the portfolio's program cards.
 */
export function HealthTrend({
  workspace,
  programId,
  points: allPoints,
  emptyMessage = 'No published report yet: the trend starts with the first one.',
}: {
  workspace: string;
  programId: string;
  points: readonly HealthTrendPoint[];
  emptyMessage?: string;
}) {
  const labelId = useId();
  const points = allPoints.slice(-WEEKS_SHOWN);
  if (points.length === 0) {
    return (
      <Text size="xs" c="dimmed">
        {emptyMessage}
      </Text>
    );
  }
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" id={labelId}>
        Published health, last {points.length} {points.length === 1 ? 'week' : 'weeks'}
      </Text>
      <Group
        gap={6}
        component="ol"
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
        aria-labelledby={labelId}
      >
        {points.map((point) => {
          const style = HEALTH_STYLES[point.health];
          const label = `Week of ${formatShortDay(point.week)}: ${style.label}${
            point.watermelon ? ' (watermelon)' : ''
          }`;
          return (
            <li key={point.reportId}>
              <DeferredTooltip label={label}>
                <Anchor
                  component={Link}
                  to={reportPath(workspace, programId, point.reportId)}
                  aria-label={label}
                  c={`${style.color}.7`}
                  style={{ display: 'inline-flex', flexDirection: 'column', alignItems: 'center' }}
                >
                  <ShapeIcon shape={style.shape} size={14} />
                  <Text span size="10px" c="dimmed">
                    {formatShortDay(point.week)}
                  </Text>
                </Anchor>
              </DeferredTooltip>
            </li>
          );
        })}
      </Group>
    </Stack>
  );
}
