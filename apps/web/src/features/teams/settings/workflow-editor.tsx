import {
  ActionIcon,
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import { errorAtOrBelow, type PathErrors } from '../../../components/path-errors';
import {
  addStage,
  moveStage,
  removeStage,
  renameStage,
  setStageStatuses,
  unusedStageName,
  type WorkflowDraft,
} from './workflow-draft';

/** The API's bounds on a workflow (`workflowSchema`). */
const MIN_STAGES = 2;
const MAX_STAGES = 20;

export interface WorkflowEditorProps {
  draft: WorkflowDraft;
  onChange: (draft: WorkflowDraft) => void;
  /** Keyed by the request path, e.g. `workflow.stages.1.name`. */
  errors: PathErrors;
  disabled: boolean;
}

/**
 * The team's stages in order, each with the tracker statuses it stands for, and which stage
 * starts the cycle-time clock (committed) and which stops it (done).
 */
export function WorkflowEditor({ draft, onChange, errors, disabled }: WorkflowEditorProps) {
  const stageOptions = [
    { value: '', label: 'Choose a stage', disabled: true },
    ...draft.stages.map((stage) => ({ value: stage.key, label: stage.name || '(unnamed)' })),
  ];
  return (
    <Stack gap="sm">
      <Stack gap="xs" component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
        {draft.stages.map((stage, index) => {
          const number = index + 1;
          const path = `workflow.stages.${index}`;
          return (
            <Paper component="li" key={stage.key} withBorder radius="md" p="sm">
              <Group align="flex-start" gap="sm" wrap="nowrap">
                <Text fw={600} c="dimmed" mt={30} w={20} aria-hidden>
                  {number}
                </Text>
                <TextInput
                  label={`Stage ${number} name`}
                  value={stage.name}
                  onChange={(event) =>
                    onChange(renameStage(draft, stage.key, event.currentTarget.value))
                  }
                  error={errors[`${path}.name`]}
                  disabled={disabled}
                  w={200}
                />
                <TagsInput
                  label={`Stage ${number} statuses`}
                  description="Tracker statuses, as Jira names them; press Enter after each."
                  value={stage.statuses}
                  onChange={(statuses) => onChange(setStageStatuses(draft, stage.key, statuses))}
                  error={errorAtOrBelow(errors, `${path}.statuses`)}
                  disabled={disabled}
                  clearable={false}
                  style={{ flex: 1 }}
                />
                <Group gap={4} mt={26} wrap="nowrap">
                  <ActionIcon
                    variant="default"
                    aria-label={`Move ${stage.name || `stage ${number}`} up`}
                    disabled={disabled || index === 0}
                    onClick={() => onChange(moveStage(draft, stage.key, -1))}
                  >
                    ↑
                  </ActionIcon>
                  <ActionIcon
                    variant="default"
                    aria-label={`Move ${stage.name || `stage ${number}`} down`}
                    disabled={disabled || index === draft.stages.length - 1}
                    onClick={() => onChange(moveStage(draft, stage.key, 1))}
                  >
                    ↓
                  </ActionIcon>
                  <ActionIcon
                    variant="default"
                    color="red"
                    aria-label={`Remove ${stage.name || `stage ${number}`}`}
                    disabled={disabled || draft.stages.length <= MIN_STAGES}
                    onClick={() => onChange(removeStage(draft, stage.key))}
                  >
                    ×
                  </ActionIcon>
                </Group>
              </Group>
            </Paper>
          );
        })}
      </Stack>
      {errors['workflow.stages'] && (
        <Text size="sm" c="red" role="alert">
          Stages: {errors['workflow.stages']}
        </Text>
      )}
      <Group>
        <Button
          variant="default"
          disabled={disabled || draft.stages.length >= MAX_STAGES}
          onClick={() => onChange(addStage(draft, unusedStageName(draft)))}
        >
          Add stage
        </Button>
      </Group>
      <Group grow align="flex-start" maw={520}>
        <NativeSelect
          label="Committed stage"
          description="Cycle time starts when an item first enters it."
          data={stageOptions}
          value={draft.committedKey ?? ''}
          onChange={(event) => onChange({ ...draft, committedKey: event.currentTarget.value })}
          error={errors['workflow.committedStage']}
          disabled={disabled}
        />
        <NativeSelect
          label="Done stage"
          description="Cycle time stops when an item enters it."
          data={stageOptions}
          value={draft.doneKey ?? ''}
          onChange={(event) => onChange({ ...draft, doneKey: event.currentTarget.value })}
          error={errors['workflow.doneStage']}
          disabled={disabled}
        />
      </Group>
    </Stack>
  );
}
