/**
 * The Jira site of an issue's `self` link (`https://acme.atlassian.net/rest/api/3/issue/10001`
 * → `https://acme.atlassian.net`; a server under a context path keeps it:
 * `https://host/jira/rest/api/2/issue/1` → `https://host/jira`). Null for anything that is not
 * an http(s) URL of a REST resource, so an upload cannot smuggle a `javascript:` link in.
 */
export function jiraSiteOf(self: unknown): string | null {
  if (typeof self !== 'string' || self.length > 2048) return null;
  let url: URL;
  try {
    url = new URL(self);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username !== '' || url.password !== '') return null;
  const rest = url.pathname.indexOf('/rest/');
  if (rest < 0) return null;
  return `${url.origin}${url.pathname.slice(0, rest)}`;
}
