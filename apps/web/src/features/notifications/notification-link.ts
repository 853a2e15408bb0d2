/**
 * Where a notification's `url` leads inside this app. The API writes `BEARING_PUBLIC_URL` + the
 * thing's path (or the path alone), and that public URL names this same app — possibly under
 * another host name than the one this browser used (an internal address, a proxy) — so the
 * router follows the path, query and fragment without a reload or a jump to another host.
 */
export function notificationPath(url: string): string {
  const parsed = new URL(url, 'http://path.invalid');
  return `${parsed.pathname}${parsed.search}${parsed.hash}`;
}
