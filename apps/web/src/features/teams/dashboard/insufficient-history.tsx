import { Alert } from '@mantine/core';
import type { InsufficientHistory } from '@bearing/contracts';
import { formatDay } from '../../../components/format';

/**
 * What a forecast says when its sample window finished nothing: a neutral notice that names
 * the window and what would help — never an error with a "Try again" that cannot help.
 */
export function insufficientHistoryNotice(answer: InsufficientHistory): {
  title: string;
  description: string;
} {
  return {
    title: 'Not enough history to forecast',
    description: `No item was finished from ${formatDay(answer.sampleFrom)} to ${formatDay(answer.sampleTo)}. Forecasts resample the days on which work was finished: import the team's history, or choose a sample window in which items were finished.`,
  };
}

/** The same notice as a block of its own, for panels without a chart frame. */
export function InsufficientHistoryNotice({ answer }: { answer: InsufficientHistory }) {
  const notice = insufficientHistoryNotice(answer);
  return (
    <Alert variant="light" color="gray" title={notice.title} role="status">
      {notice.description}
    </Alert>
  );
}
