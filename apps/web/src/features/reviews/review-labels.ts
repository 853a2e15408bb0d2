import type { ReviewReportState } from '@bearing/contracts';
import type { StatusStyle } from '../../components/status-badge';

/**
 * A report's state is about the document, not the program: outlined, in neutral colours and the
 * document shapes, so that "Draft" never reads as "At risk" nor "Published" as "On track".
 */
export const REPORT_STATE_STYLES: Record<ReviewReportState, StatusStyle> = {
  missing: { label: 'Missing', color: 'gray', shape: 'ring', variant: 'outline' },
  draft: { label: 'Draft', color: 'gray', shape: 'half', variant: 'outline' },
  published: { label: 'Published', color: 'indigo', shape: 'circle', variant: 'outline' },
};

/** 0 = Sunday … 6 = Saturday, the API's convention. */
export const WEEKDAY_NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;
