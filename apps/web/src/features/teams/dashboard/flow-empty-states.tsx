import type { FlowSpanResponse } from '@bearing/contracts';
import { Button } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatDay } from '../../../components/format';
import { type FlowRange, wholeSpan } from './flow-range';

export interface FlowEmptyState {
  title: string;
  description: string;
  action?: ReactNode;
}

export interface FlowEmptyStatesInput {
  range: FlowRange;
  span: FlowSpanResponse | null;
  onShowDays: (from: string, to: string) => void;
}

/**
 * What each empty flow chart says is missing, from where the team's data lies: no item at all
 * (import them), items without status history (a CSV export; the history-based charts need a
 * Jira JSON export), or items outside the chosen days (show the days that have them).
 */
export function flowEmptyStates({ range, span, onShowDays }: FlowEmptyStatesInput) {
  const days = `between ${formatDay(range.from)} and ${formatDay(range.to)}`;
  const outside = (title: string, fallback: string): FlowEmptyState => {
    if (span === null) return { title, description: fallback };
    if (span.items === 0) return nothingImported();
    const whole = wholeSpan(span);
    if (!whole) return { title, description: fallback };
    return {
      title,
      description: `The team’s items run from ${formatDay(span.first ?? whole.from)} to ${formatDay(whole.to)}.`,
      action: (
        <Button size="xs" variant="light" onClick={() => onShowDays(whole.from, whole.to)}>
          Show {formatDay(whole.from)} – {formatDay(whole.to)}
        </Button>
      ),
    };
  };
  const needsHistory = (state: FlowEmptyState): FlowEmptyState => {
    if (span === null || span.items === 0 || span.itemsWithHistory > 0) return state;
    return {
      title: 'No status history',
      description: `The team’s ${span.items} items came from a CSV export, which has no status history. Cycle time, cumulative flow and aging need it: import a Jira JSON export.`,
      action: <ImportLink />,
    };
  };
  return {
    cycleTime: needsHistory(
      outside(`No item finished ${days}`, 'Cycle time counts items reaching the done stage.'),
    ),
    throughput: outside(
      `No item finished ${days}`,
      'Throughput counts items reaching the done stage.',
    ),
    cumulativeFlow: needsHistory(
      outside(`No work item ${days}`, 'The bands count items in each stage day by day.'),
    ),
    aging: needsHistory(
      span?.items === 0
        ? nothingImported()
        : {
            title: 'Nothing in progress today',
            description: 'Items appear here once they enter the committed stage.',
          },
    ),
  };
}

function nothingImported(): FlowEmptyState {
  return {
    title: 'No items imported yet',
    description: 'Flow charts are drawn from the team’s work items and their status history.',
    action: <ImportLink />,
  };
}

function ImportLink() {
  return (
    <Button component={Link} to="?tab=import" size="xs" variant="light">
      Import the team’s items
    </Button>
  );
}
