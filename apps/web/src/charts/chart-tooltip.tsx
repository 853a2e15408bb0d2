import { Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export interface ChartTooltipCardProps {
  heading: string;
  lines: ReactNode[];
}

/** The card a chart shows on hover: a heading (the date) and a few lines. */
export function ChartTooltipCard({ heading, lines }: ChartTooltipCardProps) {
  return (
    <Paper withBorder shadow="sm" radius="sm" px="sm" py={6}>
      <Stack gap={2}>
        <Text size="xs" fw={600}>
          {heading}
        </Text>
        {lines.map((line, index) => (
          <Text key={index} size="xs">
            {line}
          </Text>
        ))}
      </Stack>
    </Paper>
  );
}

/** What a chart's tooltip content gets from Recharts, as far as these charts read it. */
export interface HoverProps {
  active?: boolean | undefined;
  payload?: readonly { payload?: unknown }[] | undefined;
}

/** The data row under the pointer, from Recharts' tooltip payload. */
export function hoveredRow<Row>(payload: readonly { payload?: unknown }[] | undefined): Row | null {
  const row = payload?.[0]?.payload;
  return row === undefined || row === null ? null : (row as Row);
}
