/** The page on its Jira site, e.g. `https://acme.atlassian.net/browse/PAY-12`. */
export function jiraBrowseUrl(site: string | null, key: string): string | null {
  return site === null ? null : `${site}/browse/${encodeURIComponent(key)}`;
}
