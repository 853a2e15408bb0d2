import type { JiraField } from '@bearing/contracts';
import { Select, TextInput } from '@mantine/core';
import { describeError } from '../../../api/api-error';
import { useJiraFields } from '../../../api/jira';

export interface StoryPointsSelectProps {
  workspace: string;
  connectionId: string | null;
  value: string;
  onChange: (fieldId: string) => void;
  error?: string;
}

const NONE = { value: '', label: 'None — the team does not estimate in Jira' };

/** Number fields first (story points are one), then the rest, each named and with its id. */
function optionsOf(fields: JiraField[], value: string) {
  const label = (field: JiraField) => `${field.name} (${field.id})`;
  const numbers = fields.filter((field) => field.type === 'number');
  const others = fields.filter((field) => field.type !== 'number');
  const known = new Set(fields.map((field) => field.id));
  return [
    NONE,
    ...(value !== '' && !known.has(value) ? [{ value, label: value }] : []),
    { group: 'Number fields', items: numbers.map((f) => ({ value: f.id, label: label(f) })) },
    { group: 'Other fields', items: others.map((f) => ({ value: f.id, label: label(f) })) },
  ];
}

/**
 * The story-points field, picked from the fields the connection's Jira lists. When Jira cannot
 * be asked (no connection yet, credentials refused), the field id can still be typed.
 */
export function StoryPointsSelect({
  workspace,
  connectionId,
  value,
  onChange,
  error,
}: StoryPointsSelectProps) {
  const fields = useJiraFields(workspace, connectionId);
  if (fields.isError || connectionId === null) {
    return (
      <TextInput
        label="Story points field"
        description={
          fields.isError
            ? `Jira's fields could not be listed (${describeError(fields.error)}); type the field id, e.g. customfield_10016.`
            : 'The field id, e.g. customfield_10016.'
        }
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
        error={error}
        maw={480}
      />
    );
  }
  return (
    <Select
      label="Story points field"
      description="Chosen from the fields Jira lists; number fields first."
      placeholder={fields.isPending ? 'Asking Jira for its fields…' : undefined}
      data={optionsOf(fields.data?.items ?? [], value)}
      value={value}
      onChange={(fieldId) => onChange(fieldId ?? '')}
      searchable
      allowDeselect={false}
      nothingFoundMessage="No such field"
      error={error}
      maw={480}
    />
  );
}
