import type { QueryCatalog } from '@bearing/contracts';
import { Accordion, List, Text } from '@mantine/core';

/** The tables a query can read, each with its columns and their types, to write a query from. */
export function QueryCatalogList({ catalog }: { catalog: QueryCatalog }) {
  return (
    <Accordion variant="separated" multiple aria-label="Tables">
      {catalog.tables.map((table) => (
        <Accordion.Item key={table.name} value={table.name}>
          <Accordion.Control>
            <Text fw={600} ff="monospace">
              {table.name}
            </Text>
            <Text size="xs" c="dimmed">
              {table.description}
            </Text>
          </Accordion.Control>
          <Accordion.Panel>
            <List size="sm" spacing={2}>
              {table.columns.map((column) => (
                <List.Item key={column.name}>
                  <Text span ff="monospace">
                    {column.name}
                  </Text>{' '}
                  <Text span size="xs" c="dimmed">
                    {column.type} — {column.description}
                  </Text>
                </List.Item>
              ))}
            </List>
          </Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  );
}
