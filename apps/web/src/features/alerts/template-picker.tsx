import type { AlertRuleTemplate } from '@bearing/contracts';
import { Button, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';

export interface TemplatePickerProps {
  opened: boolean;
  onClose: () => void;
  templates: readonly AlertRuleTemplate[];
  /** Where the editor starts from a template's id. */
  editorPath: (templateId: string) => string;
}

/** Ready-made rules (guardrail breached, ageing work items …): the editor opens with one filled in. */
export function TemplatePicker({ opened, onClose, templates, editorPath }: TemplatePickerProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="Start from a template" size="lg" centered>
      <Stack gap="sm">
        {templates.map((template) => (
          <Paper key={template.id} withBorder radius="md" p="sm">
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
              <Stack gap={2} miw={0}>
                <Text fw={600}>{template.name}</Text>
                <Text size="sm" c="dimmed">
                  {template.description}
                </Text>
              </Stack>
              <Button
                component={Link}
                to={editorPath(template.id)}
                variant="light"
                // The description wraps around the button, never squeezes it.
                style={{ flexShrink: 0 }}
                aria-label={`Use template: ${template.name}`}
              >
                Use
              </Button>
            </Group>
          </Paper>
        ))}
      </Stack>
    </Modal>
  );
}
