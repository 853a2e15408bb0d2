import type { ReviewReportState } from '@bearing/contracts';
import type { StatusStyle } from '../../components/status-badge';

export const REPORT_STATE_STYLES: Record<ReviewReportState, StatusStyle> = {
  missing: { label: 'Missing', color: 'gray', shape: 'ring' },
  draft: { label: 'Draft', color: 'yellow', shape: 'triangle' },
  published: { label: 'Published', color: 'teal', shape: 'circle' },
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
