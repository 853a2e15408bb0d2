import type { ImportFormat } from '@bearing/contracts';
import { JIRA_CSV_DEFAULT_DATE_FORMAT } from '@bearing/contracts';

export const FORMAT_LABELS: Record<ImportFormat, string> = {
  'jira-json': 'Jira JSON (issue search with changelog)',
  'jira-csv': 'Jira CSV (all fields)',
};

/** `export.csv` → CSV; anything else is read as JSON, the format that carries history. */
export function formatOfFileName(fileName: string): ImportFormat {
  return fileName.toLowerCase().endsWith('.csv') ? 'jira-csv' : 'jira-json';
}

/**
 * Date formats Jira's CSV export is commonly set to (date-fns `parse` tokens), Jira's default
 * first; the example shows how a date in that format reads.
 */
export const CSV_DATE_FORMATS = [
  { value: JIRA_CSV_DEFAULT_DATE_FORMAT, label: '21/Nov/15 7:03 AM (Jira default)' },
  { value: 'dd/MMM/yy HH:mm', label: '21/Nov/15 07:03' },
  { value: 'dd/MM/yyyy HH:mm', label: '21/11/2015 07:03' },
  { value: 'MM/dd/yyyy h:mm a', label: '11/21/2015 7:03 AM' },
  { value: 'yyyy-MM-dd HH:mm', label: '2015-11-21 07:03' },
  { value: "yyyy-MM-dd'T'HH:mm:ss", label: '2015-11-21T07:03:00' },
] as const;
