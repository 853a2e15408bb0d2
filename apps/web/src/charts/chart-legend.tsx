import { Group, Text } from '@mantine/core';
import { type Shape, ShapeIcon } from '../components/shape-icon';

export type LegendMark =
  { kind: 'shape'; shape: Shape; color: string } | { kind: 'line'; color: string; dash?: string };

export interface LegendItem {
  label: string;
  mark: LegendMark;
}

/** What each mark on a chart means, in words next to its shape or line style. */
export function ChartLegend({ items }: { items: LegendItem[] }) {
  return (
    <Group gap="md" wrap="wrap" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {items.map((item) => (
        <Group key={item.label} gap={6} wrap="nowrap" component="li">
          {item.mark.kind === 'shape' ? (
            <ShapeIcon shape={item.mark.shape} color={item.mark.color} size={10} />
          ) : (
            <svg width="22" height="10" aria-hidden="true" focusable="false">
              <line
                x1="0"
                x2="22"
                y1="5"
                y2="5"
                stroke={item.mark.color}
                strokeWidth="2"
                strokeDasharray={item.mark.dash}
              />
            </svg>
          )}
          <Text size="xs" c="dimmed">
            {item.label}
          </Text>
        </Group>
      ))}
    </Group>
  );
}
