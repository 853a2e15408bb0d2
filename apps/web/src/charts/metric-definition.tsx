import { Anchor, Code, Collapse, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useId } from 'react';
import { METRIC_DEFINITIONS, type MetricDefinitionName } from './metric-definitions';

export interface MetricDefinitionProps {
  name: MetricDefinitionName;
}

/** The one-line definition of what a chart shows, and on request its formula and source. */
export function MetricDefinition({ name }: MetricDefinitionProps) {
  const definition = METRIC_DEFINITIONS[name];
  const [opened, { toggle }] = useDisclosure(false);
  const detailsId = useId();
  return (
    <Stack gap={4}>
      <Text size="sm" c="dimmed">
        {definition.summary}{' '}
        <Anchor
          component="button"
          type="button"
          size="sm"
          onClick={toggle}
          aria-expanded={opened}
          aria-controls={detailsId}
        >
          {opened ? 'Hide the definition' : 'How is this computed?'}
        </Anchor>
      </Text>
      <Collapse expanded={opened} id={detailsId}>
        <Stack gap={4} p="sm" bg="var(--mantine-color-gray-0)" style={{ borderRadius: 8 }}>
          <Text size="sm">{definition.formula}</Text>
          <Text size="xs" c="dimmed">
            Source: {definition.source} Defined in <Code>packages/metrics/README.md</Code> ›{' '}
            {definition.readmeSection}.
          </Text>
        </Stack>
      </Collapse>
    </Stack>
  );
}
