import { Blockquote, Divider, List, Stack, Table, Text, Title } from '@mantine/core';
import { Fragment, useMemo } from 'react';
import { parseInline, parseMarkdown } from './markdown-blocks';

function Inline({ text }: { text: string }) {
  return (
    <>
      {parseInline(text).map((span, index) =>
        span.kind === 'strong' ? (
          <strong key={index}>{span.text}</strong>
        ) : span.kind === 'em' ? (
          <em key={index}>{span.text}</em>
        ) : (
          <Fragment key={index}>{span.text}</Fragment>
        ),
      )}
    </>
  );
}

/**
 * The Markdown export shown as a page (React text nodes only: nothing in it is run as HTML).
 * Headings start at `headingOrder` so the page keeps one `h1`.
 */
export function MarkdownView({
  markdown,
  headingOrder = 2,
}: {
  markdown: string;
  headingOrder?: 2 | 3;
}) {
  const blocks = useMemo(() => parseMarkdown(markdown), [markdown]);
  return (
    <Stack gap="sm">
      {blocks.map((block, index) => {
        switch (block.kind) {
          case 'heading':
            return (
              <Title
                key={index}
                order={(headingOrder + block.level - 1) as 2 | 3 | 4 | 5}
                size={block.level === 1 ? 'h3' : 'h5'}
              >
                <Inline text={block.text} />
              </Title>
            );
          case 'quote':
            return (
              <Blockquote key={index} color="pink" p="sm">
                <Inline text={block.text} />
              </Blockquote>
            );
          case 'list':
            return (
              <List key={index} size="sm" spacing={2}>
                {block.items.map((item, itemIndex) => (
                  <List.Item key={itemIndex}>
                    <Inline text={item} />
                  </List.Item>
                ))}
              </List>
            );
          case 'table':
            return (
              <Table.ScrollContainer key={index} minWidth={480}>
                <Table striped withTableBorder fz="sm">
                  <Table.Thead>
                    <Table.Tr>
                      {block.head.map((cell, cellIndex) => (
                        <Table.Th key={cellIndex} scope="col">
                          <Inline text={cell} />
                        </Table.Th>
                      ))}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {block.rows.map((row, rowIndex) => (
                      <Table.Tr key={rowIndex}>
                        {row.map((cell, cellIndex) => (
                          <Table.Td key={cellIndex}>
                            <Inline text={cell} />
                          </Table.Td>
                        ))}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            );
          case 'rule':
            return <Divider key={index} />;
          case 'paragraph':
            return (
              <Text key={index} size="sm">
                <Inline text={block.text} />
              </Text>
            );
        }
      })}
    </Stack>
  );
}
