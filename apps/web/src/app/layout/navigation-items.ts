/** The workspace areas in the sidebar, in order. `segment` is the path below `/w/:workspace`. */
export interface NavigationItem {
  label: string;
  segment: string;
}

export const navigationItems: readonly NavigationItem[] = [
  { label: 'Portfolio', segment: 'portfolio' },
  { label: 'Programs', segment: 'programs' },
  { label: 'Teams', segment: 'teams' },
  { label: 'OKRs', segment: 'okrs' },
  { label: 'Metrics', segment: 'metrics' },
  { label: 'Reviews', segment: 'reviews' },
  { label: 'Explore', segment: 'explore' },
  { label: 'Alerts', segment: 'alerts' },
  { label: 'Settings', segment: 'settings' },
];

export function workspacePath(workspace: string, segment: string): string {
  const base = `/w/${encodeURIComponent(workspace)}`;
  return segment ? `${base}/${segment}` : base;
}
