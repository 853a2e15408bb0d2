import { workspacePath } from '../../app/layout/navigation-items';

/**
 * The same area in another workspace: `/w/a/programs/42` → `/w/b/programs`. Ids belong to the
 * workspace they came from, so only the area is kept — and in settings, the tab.
 */
export function switchWorkspacePath(pathname: string, slug: string): string {
  const [, w, , area, tab] = pathname.split('/');
  if (w !== 'w' || !area) return workspacePath(slug, '');
  return workspacePath(slug, area === 'settings' && tab ? `${area}/${tab}` : area);
}
