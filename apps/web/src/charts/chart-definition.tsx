import { Anchor, Code, Collapse, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useId } from 'react';

/**
 * What a chart shows: a one-line summary, and on request the rule behind it. A `@bearing/metrics`
 * formula also names its source and the README section defining it; a chart that only counts
 * or places records (the program page's) has neither.
 */
export interface ChartDefinition {
  /** One line under the chart's title. */
  summary: string;
  /** The formula, or the rule the picture follows, for "How is this computed?". */
  detail: string;
  /** Where the method comes from. */
  source?: string;
  /** The section of packages/metrics/README.md that defines it. */
  readmeSection?: string;
}

/** The one-line definition of what a chart shows, and on request its formula or rule. */
export function ChartDefinitionText({ definition }: { definition: ChartDefinition }) {
  const [opened, { toggle }] = useDisclosure(false);
  const detailsId = useId();
  const computed = definition.readmeSection !== undefined;
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
          {opened
            ? 'Hide the definition'
            : computed
              ? 'How is this computed?'
              : 'How is this drawn?'}
        </Anchor>
      </Text>
      <Collapse expanded={opened} id={detailsId}>
        <Stack gap={4} p="sm" bg="var(--mantine-color-gray-0)" style={{ borderRadius: 8 }}>
          <Text size="sm">{definition.detail}</Text>
          {(definition.source !== undefined || computed) && (
            <Text size="xs" c="dimmed">
              {definition.source !== undefined && <>Source: {definition.source} </>}
              {computed && (
                <>
                  Defined in <Code>packages/metrics/README.md</Code> › {definition.readmeSection}.
                </>
              )}
            </Text>
          )}
        </Stack>
      </Collapse>
    </Stack>
  );
}
