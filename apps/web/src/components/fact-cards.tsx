import { Card, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export interface FactCard {
  key: string;
  /** The row's name: usually a link. */
  title: ReactNode;
  /** Statuses shown under the title, e.g. a badge. */
  status?: ReactNode;
  /** The other columns, each with its header as the label. */
  facts: { label: string; value: ReactNode }[];
  /** Buttons or links that act on the row. */
  actions?: ReactNode;
}

/**
 * A table's rows as a list of cards, for a phone: every column is there, labelled with its
 * header, and every action is in reach, with nothing squeezed into a narrow column.
 */
export function FactCards({ label, cards }: { label: string; cards: readonly FactCard[] }) {
  return (
    <Stack gap="xs" component="ul" p={0} m={0} aria-label={label}>
      {cards.map((card) => (
        <Card key={card.key} component="li" withBorder padding="sm" style={{ listStyle: 'none' }}>
          <Stack gap={6}>
            {card.title}
            {card.status && (
              <Group gap="xs" wrap="wrap">
                {card.status}
              </Group>
            )}
            <Stack component="dl" gap={2} m={0}>
              {card.facts.map((fact) => (
                <Group key={fact.label} gap={6} wrap="wrap" align="baseline">
                  <Text component="dt" size="xs" c="dimmed">
                    {fact.label}
                  </Text>
                  <Text component="dd" size="sm" m={0}>
                    {fact.value}
                  </Text>
                </Group>
              ))}
            </Stack>
            {card.actions && (
              <Group gap="xs" wrap="wrap">
                {card.actions}
              </Group>
            )}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
