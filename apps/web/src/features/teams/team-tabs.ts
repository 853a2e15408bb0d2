/** The team page's tabs, addressed by `?tab=`; Delivery is the default (no parameter). */
export const TEAM_TABS = [
  { value: 'delivery', label: 'Delivery' },
  { value: 'work-items', label: 'Work items' },
  { value: 'sprints', label: 'Sprints' },
  { value: 'import', label: 'Import' },
  { value: 'source', label: 'Source' },
  { value: 'settings', label: 'Settings' },
] as const;

export type TeamTab = (typeof TEAM_TABS)[number]['value'];

/** The tab a `?tab=` value names; anything else (or nothing) is Delivery. */
export function teamTabOf(value: string | null): TeamTab {
  return TEAM_TABS.find((tab) => tab.value === value)?.value ?? 'delivery';
}
