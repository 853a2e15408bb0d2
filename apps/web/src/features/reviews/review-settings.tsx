import { Button, Group, NativeSelect } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useReviewSettings, useUpdateReviewSettings } from '../../api/reviews';
import { ErrorAlert } from '../../components/error-alert';
import { WEEKDAY_NAMES } from './review-labels';

/** The workspace's review weekday (admin only). */
export function ReviewSettings({ workspace }: { workspace: string }) {
  const settings = useReviewSettings(workspace);
  const update = useUpdateReviewSettings(workspace);
  const [weekday, setWeekday] = useState<string>('');
  useEffect(() => {
    if (settings.data) setWeekday(String(settings.data.reviewWeekday));
  }, [settings.data]);
  if (settings.isError) {
    return <ErrorAlert title="Review settings could not be loaded" error={settings.error} />;
  }
  const changed = settings.data !== undefined && weekday !== String(settings.data.reviewWeekday);
  return (
    <Group gap="xs" align="flex-end">
      <NativeSelect
        label="Review weekday"
        description="The day the weekly review meets (admins)."
        data={WEEKDAY_NAMES.map((name, index) => ({ value: String(index), label: name }))}
        value={weekday}
        disabled={!settings.data}
        onChange={(event) => setWeekday(event.currentTarget.value)}
      />
      <Button
        variant="default"
        disabled={!changed}
        loading={update.isPending}
        onClick={() =>
          settings.data &&
          update.mutate({ reviewWeekday: Number(weekday), version: settings.data.version })
        }
      >
        Save weekday
      </Button>
      {update.isError && <ErrorAlert title="Weekday not saved" error={update.error} />}
    </Group>
  );
}
